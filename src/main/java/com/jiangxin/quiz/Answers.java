package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small helpers shared by the question types: reading JSON answer values and form fields. */
final class Answers {
  private Answers() {
  }

  /** The elements of a JSON array (a {@link JsonArray} or a plain list), or null if not an array. */
  static List<Object> asList(Object value) {
    if (value instanceof JsonArray array) {
      List<Object> out = new ArrayList<>();
      array.forEach(out::add);
      return out;
    }
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    return null;
  }

  /** The entries of a JSON object (a {@link JsonObject} or a plain map), or null if not an object. */
  static Map<String, Object> asMap(Object value) {
    if (value instanceof JsonObject object) {
      return new LinkedHashMap<>(object.getMap());
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    return null;
  }

  /** A finite JSON number as an exact decimal, or null. */
  static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(number.toString()) : null;
    }
    return BigDecimal.valueOf(number.longValue());
  }

  /** A decimal as the JSON number a person would write: 64 rather than 64.0. */
  static Number jsonNumber(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() <= 0) {
      try {
        long l = v.longValueExact();
        return l == (int) l ? (Number) (int) l : (Number) l;
      } catch (ArithmeticException tooBig) {
        return v.doubleValue();
      }
    }
    return v.doubleValue();
  }

  static Number jsonNumber(double value) {
    return jsonNumber(BigDecimal.valueOf(value));
  }

  /** All non-blank values of a form field, trimmed, in order. */
  static List<String> all(Function<String, List<String>> param, String name) {
    List<String> values = param.apply(name);
    if (values == null) {
      return List.of();
    }
    return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  /** The first non-blank value of a form field, trimmed, or null. */
  static String first(Function<String, List<String>> param, String name) {
    List<String> values = all(param, name);
    return values.isEmpty() ? null : values.get(0);
  }
}
