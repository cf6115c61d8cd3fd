package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code truefalse}: is the statement true? The answer is a JSON boolean ({@code true} /
 * {@code false}) and nothing else; the right one earns 1. Form field: {@code q.<qid>} =
 * {@code true} or {@code false}, turned into a boolean by {@link #fromForm}.
 *
 * @param answer whether the statement is true
 */
public record TrueFalse(boolean answer) implements QuestionType {
  public static final String NAME = "truefalse";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<String> checkShape(Object given) {
    return given == null || given instanceof Boolean ? Optional.empty() : Optional.of("应为 true 或 false");
  }

  @Override
  public Grade grade(Object given) {
    return given instanceof Boolean b && b == answer ? Grade.FULL : Grade.ZERO;
  }

  @Override
  public Object key() {
    return answer;
  }

  @Override
  public JsonObject studentView() {
    return new JsonObject();
  }

  @Override
  public JsonObject teacherExtras() {
    return new JsonObject().put("answer", answer);
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    String value = Answers.first(param, "q." + qid);
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> value;
    };
  }
}
