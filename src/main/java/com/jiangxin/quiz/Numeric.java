package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code numeric}: type a number. The answer is a JSON number, e.g. {@code 64}, or a string that
 * reads as one: digits (full-width too), Chinese numerals ({@code 六十四}), optionally followed by
 * this question's unit ({@code 64天} when the unit is 天) — any other trailing text makes it
 * malformed. It earns 1 when |answer − key| ≤ tolerance, else 0. Form field: {@code q.<qid>},
 * turned into a number by {@link #fromForm} when it reads as one.
 *
 * @param answer    the expected number
 * @param tolerance the largest accepted absolute difference (0 = exact)
 * @param unit      the unit shown after the input and allowed after the number, or "" for none
 */
public record Numeric(BigDecimal answer, BigDecimal tolerance, String unit) implements QuestionType {
  public static final String NAME = "numeric";
  public static final QuestionKind KIND = new Kind();

  public Numeric {
    Objects.requireNonNull(answer, "answer");
    tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    unit = unit == null ? "" : unit.strip();
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }


  /** The number an answer stands for, or empty if it is not one. */
  public Optional<BigDecimal> value(Object given) {
    if (given instanceof Number n) {
      return Optional.ofNullable(Answers.decimal(n));
    }
    if (given instanceof String s) {
      return AnswerText.number(s, unit);
    }
    return Optional.empty();
  }

  @Override
  public int maxAnswerLength() {
    return 50;
  }

  @Override
  public Optional<String> checkShape(Object given) {
    if (given == null || value(given).isPresent()) {
      return Optional.empty();
    }
    String hint = unit.isEmpty() ? "" : "（单位“" + unit + "”可写可不写）";
    if (given instanceof String s) {
      return Optional.of("“" + s + "”不是一个数字" + hint);
    }
    return Optional.of("应为一个数字" + hint);
  }

  @Override
  public Grade grade(Object given) {
    return value(given)
        .map(x -> x.subtract(answer).abs().compareTo(tolerance) <= 0 ? Grade.FULL : Grade.ZERO)
        .orElse(Grade.ZERO);
  }

  @Override
  public Object key() {
    return Answers.jsonNumber(answer);
  }

  @Override
  public JsonObject studentView() {
    return unit.isEmpty() ? new JsonObject() : new JsonObject().put("unit", unit);
  }

  @Override
  public JsonObject teacherExtras() {
    JsonObject extras = new JsonObject().put("answer", key()).put("tolerance", Answers.jsonNumber(tolerance));
    return unit.isEmpty() ? extras : extras.put("unit", unit);
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    String typed = Answers.first(param, "q." + qid);
    if (typed == null) {
      return null;
    }
    return AnswerText.number(typed, unit).<Object>map(Answers::jsonNumber).orElse(typed);
  }

  private static String numberText(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }

  @Override
  public String keyText() {
    String within = tolerance.signum() == 0 ? "" : "（允许误差 ±" + numberText(tolerance) + "）";
    return numberText(answer) + (unit.isEmpty() ? "" : " " + unit) + within;
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of("numeric", numberText(answer) + (unit.isEmpty() ? "" : " " + unit),
        "tolerance", tolerance.signum() == 0 ? "须完全相等" : "允许误差 ±" + numberText(tolerance));
  }

  @Override
  public String describe(Object given) {
    return given instanceof Number ? given + (unit.isEmpty() ? "" : " " + unit) : String.valueOf(given);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    Optional<BigDecimal> v = value(given);
    String key = v.map(Numeric::numberText).orElse(AnswerText.normalize(String.valueOf(given)));
    return List.of(new Tally(key, key + (unit.isEmpty() || v.isEmpty() ? "" : " " + unit), right));
  }

  @Override
  public Object demoWrong(Random random) {
    return answer.intValue() + 1 + random.nextInt(3);
  }

  private static final class Kind extends NamedKind {
    Kind() {
      super(Numeric.class, NAME, "数值题", "填数字", Set.of("answer", "tolerance", "unit"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      TypeBlock.Entry answer = block.require("answer");
      BigDecimal value = block.decimal(answer, "answer");
      TypeBlock.Entry tolerance = block.optionalMaybeEmpty("tolerance").orElse(null);
      BigDecimal tol = tolerance == null ? BigDecimal.ZERO : block.decimal(tolerance, "tolerance");
      if (tol.signum() < 0) {
        throw block.error(tolerance.line(), "tolerance must not be negative");
      }
      String unit = block.optional("unit").map(TypeBlock.Entry::text).orElse("");
      return block.build(answer, () -> new Numeric(value, tol, unit));
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      return Map.of("text", answer == null ? "" : String.valueOf(answer), "unit", view.getString("unit", ""));
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      String unit = view.getString("unit");
      return answer + (unit != null ? " " + unit : "");
    }
  }
}
