package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code single}: pick one option. The answer is the option id, e.g. {@code "B"}; the right id
 * earns 1, anything else 0. Form field: {@code q.<qid>} = option id.
 *
 * @param options at least two options with distinct ids, in display order
 * @param answer  the id of the correct option
 */
public record SingleChoice(List<Choice> options, String answer) implements QuestionType {
  public static final String NAME = "single";
  public static final QuestionKind KIND = new Kind();

  public SingleChoice {
    options = Choice.distinct(options, "option");
    if (options.size() < 2) {
      throw new IllegalArgumentException("a single question needs at least 2 options");
    }
    if (!Choice.ids(options).contains(answer)) {
      throw new IllegalArgumentException(
          "answer '" + answer + "' is not one of the options " + String.join(", ", Choice.ids(options)));
    }
  }


  @Override
  public Optional<String> checkShape(Object given) {
    if (given == null) {
      return Optional.empty();
    }
    if (!(given instanceof String id)) {
      return Optional.of("应为一个选项编号");
    }
    return Choice.ids(options).contains(id) ? Optional.empty() : Optional.of("没有选项 " + id);
  }

  @Override
  public Grade grade(Object given) {
    return answered(given) && given.equals(answer) ? Grade.FULL : Grade.ZERO;
  }

  @Override
  public Object key() {
    return answer;
  }

  @Override
  public JsonObject studentView() {
    return new JsonObject().put("options", Choice.toJson(options));
  }

  @Override
  public String keyText() {
    return Choice.find(options, answer).labelled();
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of("options", Choice.keyRows(options, List.of(answer)));
  }

  @Override
  public String describe(Object given) {
    return options.stream().filter(o -> o.id().equals(given)).map(Choice::labelled).findFirst()
        .orElse(String.valueOf(given));
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    return List.of(new Tally(String.valueOf(given), describe(given), right));
  }

  @Override
  public List<Tally> bars() {
    return options.stream().map(o -> new Tally(o.id(), o.labelled(), o.id().equals(answer))).toList();
  }

  @Override
  public Object demoWrong(Random random) {
    List<Choice> others = options.stream().filter(o -> !o.id().equals(answer)).toList();
    return others.get(random.nextInt(others.size())).id();
  }

  private static final class Kind extends NamedKind.Choices {
    Kind() {
      super(SingleChoice.class, NAME, "单选题", "单选");
    }

    @Override
    QuestionType parse(TypeBlock block, List<Choice> options, TypeBlock.Entry answer) {
      block.requireIds(answer, List.of(answer.text()), options, "option");
      return block.build(answer, () -> new SingleChoice(options, answer.text()));
    }
  }
}
