package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code matching}: pair each left entry with a right entry (the right column may hold extra
 * distractors). The answer is an object from left id to right id, e.g. {@code {"L1":"R1"}}; left
 * ids may be left out (unanswered). Fraction = correctly paired left ids / number of left ids.
 * Form fields: {@code q.<qid>.<leftId>} = right id. The student view lists the right column in a
 * stable shuffled order, so the file's layout does not give the pairs away.
 *
 * @param left   the entries to pair (at least two), in display order
 * @param right  the entries to pair them with (at least two)
 * @param answer the right id of every left id
 */
public record Matching(List<Choice> left, List<Choice> right, Map<String, String> answer)
    implements QuestionType {
  public static final String NAME = "matching";

  public Matching {
    left = Choice.distinct(left, "left");
    right = Choice.distinct(right, "right");
    if (left.size() < 2 || right.size() < 2) {
      throw new IllegalArgumentException("a matching question needs at least 2 left and 2 right entries");
    }
    List<String> leftIds = Choice.ids(left);
    List<String> rightIds = Choice.ids(right);
    for (Map.Entry<String, String> pair : answer.entrySet()) {
      if (!leftIds.contains(pair.getKey())) {
        throw new IllegalArgumentException("answer pairs unknown left id '" + pair.getKey() + "'");
      }
      if (!rightIds.contains(pair.getValue())) {
        throw new IllegalArgumentException("answer pairs unknown right id '" + pair.getValue() + "'");
      }
    }
    for (String id : leftIds) {
      if (!answer.containsKey(id)) {
        throw new IllegalArgumentException("answer does not pair left id '" + id + "'");
      }
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String id : leftIds) {
      ordered.put(id, answer.get(id));
    }
    answer = Collections.unmodifiableMap(ordered);
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
    Map<String, Object> pairs = Answers.asMap(given);
    if (pairs == null) {
      return Optional.of("应为“左项编号: 右项编号”的对象");
    }
    for (Map.Entry<String, Object> pair : pairs.entrySet()) {
      if (!answer.containsKey(pair.getKey())) {
        return Optional.of("没有左项 " + pair.getKey());
      }
      Object value = pair.getValue();
      if (value == null) {
        continue;
      }
      if (!(value instanceof String id)) {
        return Optional.of(pair.getKey() + " 应配一个右项编号");
      }
      if (!Choice.ids(right).contains(id)) {
        return Optional.of("没有右项 " + id);
      }
    }
    return Optional.empty();
  }

  @Override
  public Grade grade(Object given) {
    if (given == null || checkShape(given).isPresent()) {
      return Grade.ZERO;
    }
    Map<String, Object> pairs = Answers.asMap(given);
    long right = answer.entrySet().stream()
        .filter(pair -> pair.getValue().equals(pairs.get(pair.getKey())))
        .count();
    return Grade.of((double) right / answer.size());
  }

  @Override
  public Object key() {
    return new JsonObject(new LinkedHashMap<>(answer));
  }

  @Override
  public JsonObject studentView() {
    return new JsonObject()
        .put("left", Choice.toJson(left))
        .put("right", Choice.toJson(Choice.stableShuffle(right, order -> true)));
  }

  @Override
  public JsonObject teacherExtras() {
    return new JsonObject().put("answer", key());
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    JsonObject pairs = new JsonObject();
    for (Choice entry : left) {
      String rightId = Answers.first(param, "q." + qid + "." + entry.id());
      if (rightId != null) {
        pairs.put(entry.id(), rightId);
      }
    }
    return pairs.isEmpty() ? null : pairs;
  }
}
