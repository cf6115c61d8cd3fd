package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

  public Numeric {
    Objects.requireNonNull(answer, "answer");
    tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    unit = unit == null ? "" : unit.strip();
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }

  @Override
  public String name() {
    return NAME;
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
}
