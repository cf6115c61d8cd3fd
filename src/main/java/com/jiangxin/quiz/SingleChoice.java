package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
  public String name() {
    return NAME;
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
}
