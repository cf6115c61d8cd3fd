package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
  public static final QuestionKind KIND = new Kind();


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

  @Override
  public String keyText() {
    return answer ? "正确" : "错误";
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of("truth", keyText());
  }

  @Override
  public String describe(Object given) {
    return Boolean.TRUE.equals(given) ? "对" : Boolean.FALSE.equals(given) ? "错" : String.valueOf(given);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    return List.of(new Tally(String.valueOf(given), describe(given), right));
  }

  @Override
  public List<Tally> bars() {
    return List.of(new Tally("true", "对", answer), new Tally("false", "错", !answer));
  }

  @Override
  public Object demoWrong(Random random) {
    return !answer;
  }

  private static final class Kind extends NamedKind {
    Kind() {
      super(TrueFalse.class, NAME, "判断题", "判断", Set.of("answer"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      TypeBlock.Entry answer = block.require("answer");
      return switch (answer.text()) {
        case "true" -> new TrueFalse(true);
        case "false" -> new TrueFalse(false);
        default -> throw block.error(answer.line(), "answer must be true or false, got '" + answer.text() + "'");
      };
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      return Map.of("isTrue", Boolean.TRUE.equals(answer), "isFalse", Boolean.FALSE.equals(answer));
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      return Boolean.TRUE.equals(answer) ? "对" : "错";
    }
  }
}
