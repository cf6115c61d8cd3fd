package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code multiple}: pick every correct option. The answer is an array of option ids, e.g.
 * {@code ["A","C"]}. With C correct options, each selected correct option earns +1/C and each
 * selected wrong option costs 1/C; the sum is floored at 0 and capped at 1, so ticking every box
 * never earns full marks and a wrong guess never costs more than the question. Form field:
 * {@code q.<qid>} repeated once per ticked option.
 *
 * @param options at least two options with distinct ids, in display order
 * @param answer  the ids of the correct options (at least one, no repeats)
 */
public record MultipleChoice(List<Choice> options, List<String> answer) implements QuestionType {
  public static final String NAME = "multiple";
  public static final QuestionKind KIND = new Kind();

  public MultipleChoice {
    options = Choice.distinct(options, "option");
    answer = List.copyOf(answer);
    if (options.size() < 2) {
      throw new IllegalArgumentException("a multiple question needs at least 2 options");
    }
    if (answer.isEmpty()) {
      throw new IllegalArgumentException("a multiple question needs at least 1 correct option");
    }
    List<String> ids = Choice.ids(options);
    Set<String> seen = new HashSet<>();
    for (String id : answer) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException(
            "answer '" + id + "' is not one of the options " + String.join(", ", ids));
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("answer names option '" + id + "' twice");
      }
    }
  }


  @Override
  public Optional<String> checkShape(Object given) {
    if (given == null) {
      return Optional.empty();
    }
    List<Object> picked = Answers.asList(given);
    if (picked == null) {
      return Optional.of("应为选项编号的数组");
    }
    Set<Object> seen = new HashSet<>();
    for (Object id : picked) {
      if (!(id instanceof String s)) {
        return Optional.of("数组里应是选项编号");
      }
      if (!Choice.ids(options).contains(s)) {
        return Optional.of("没有选项 " + s);
      }
      if (!seen.add(s)) {
        return Optional.of("选项 " + s + " 选了两次");
      }
    }
    return Optional.empty();
  }

  @Override
  public Grade grade(Object given) {
    if (!answered(given)) {
      return Grade.ZERO;
    }
    int score = 0;
    for (Object id : new LinkedHashSet<>(Answers.asList(given))) {
      score += answer.contains(id) ? 1 : -1;
    }
    return Grade.of((double) score / answer.size());
  }

  @Override
  public Object key() {
    return new JsonArray(new ArrayList<>(answer));
  }

  @Override
  public JsonObject studentView() {
    return new JsonObject().put("options", Choice.toJson(options));
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    List<String> picked = Answers.all(param, "q." + qid).stream().distinct().toList();
    return picked.isEmpty() ? null : new JsonArray(new ArrayList<>(picked));
  }

  @Override
  public String keyText() {
    return String.join("；", answer.stream().map(id -> Choice.find(options, id).labelled()).toList());
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of("options", Choice.keyRows(options, answer));
  }

  @Override
  public String describe(Object given) {
    if (!(given instanceof JsonArray ticks)) {
      return String.valueOf(given);
    }
    return String.join("；", options.stream().filter(o -> ticks.contains(o.id())).map(Choice::labelled).toList());
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    List<Tally> out = new ArrayList<>();
    if (given instanceof JsonArray ticks) {
      for (Object tick : ticks) {
        String id = String.valueOf(tick);
        out.add(new Tally(id, id, answer.contains(id)));
      }
    }
    return out;
  }

  @Override
  public List<Tally> bars() {
    return options.stream().map(o -> new Tally(o.id(), o.labelled(), answer.contains(o.id()))).toList();
  }

  @Override
  public Object demoWrong(Random random) {
    List<String> ticks = new ArrayList<>(answer);
    String toggle = options.get(random.nextInt(options.size())).id();
    if (!ticks.remove(toggle)) {
      ticks.add(toggle);
    }
    if (ticks.isEmpty()) {
      ticks.add(options.get(0).id().equals(toggle) ? options.get(1).id() : options.get(0).id());
    }
    return new JsonArray(ticks);
  }

  private static final class Kind extends NamedKind.Choices {
    Kind() {
      super(MultipleChoice.class, NAME, "多选题", "多选");
    }

    @Override
    QuestionType parse(TypeBlock block, List<Choice> options, TypeBlock.Entry answer) {
      List<String> ids = block.list(answer);
      block.requireIds(answer, ids, options, "option");
      block.requireDistinct(answer, ids);
      return block.build(answer, () -> new MultipleChoice(options, ids));
    }
  }
}
