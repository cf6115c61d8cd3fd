package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code single}: pick one option. The answer is the option id, e.g. {@code "B"}; the right id
 * earns 1, anything else 0. Form field: {@code q.<qid>} = option id.
 *
 * @param options at least two options with distinct ids, in display order
 * @param answer  the id of the correct option
 */
public record SingleChoice(List<Choice> options, String answer) implements QuestionType {
  public static final String NAME = "single";

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
    return given != null && checkShape(given).isEmpty() && given.equals(answer) ? Grade.FULL : Grade.ZERO;
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
  public JsonObject teacherExtras() {
    return new JsonObject().put("answer", answer);
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    return Answers.first(param, "q." + Objects.requireNonNull(qid));
  }

  public static final QuestionKind KIND = new Kind();

  @Override
  public QuestionKind kind() {
    return KIND;
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

  private static final class Kind implements QuestionKind {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String label() {
      return "单选题";
    }

    @Override
    public String reportLabel() {
      return "单选";
    }

    @Override
    public Set<String> keys() {
      return Set.of("answer", "option");
    }

    @Override
    public Set<String> labelledKeys() {
      return Set.of("option");
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      List<Choice> options = block.choices("option", 2);
      TypeBlock.Entry answer = block.require("answer");
      block.requireIds(answer, List.of(answer.text()), options, "option");
      return block.build(answer, () -> new SingleChoice(options, answer.text()));
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      return Map.of("options", Choice.formRows(view, answer));
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      return Choice.describeTicked(view, answer);
    }
  }
}
