package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
  public static final QuestionKind KIND = new Kind();

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
    if (!answered(given)) {
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

  @Override
  public String keyText() {
    return String.join("；", left.stream()
        .map(l -> l.text() + " → " + Choice.find(right, answer.get(l.id())).text()).toList());
  }

  @Override
  public Map<String, Object> keyModel() {
    List<Map<String, Object>> pairs = new ArrayList<>();
    for (Choice entry : left) {
      Map<String, Object> p = new HashMap<>();
      p.put("left", entry);
      p.put("right", Choice.find(right, answer.get(entry.id())));
      pairs.add(p);
    }
    List<Choice> spare = right.stream().filter(r -> !answer.containsValue(r.id())).toList();
    return spare.isEmpty() ? Map.of("pairs", pairs) : Map.of("pairs", pairs, "distractors", spare);
  }

  @Override
  public String describe(Object given) {
    if (!(given instanceof JsonObject pairs)) {
      return String.valueOf(given);
    }
    List<String> parts = new ArrayList<>();
    for (Choice entry : left) {
      String rightId = pairs.getString(entry.id());
      parts.add(entry.text() + " → " + (rightId == null ? "（未选）" : Choice.textOf(right, rightId)));
    }
    return String.join("；", parts);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    List<Tally> out = new ArrayList<>();
    if (given instanceof JsonObject pairs) {
      for (Choice entry : left) {
        String rightId = pairs.getString(entry.id());
        if (rightId != null) {
          out.add(new Tally(entry.id() + "=" + rightId, entry.text() + " → " + Choice.textOf(this.right, rightId),
              rightId.equals(answer.get(entry.id()))));
        }
      }
    }
    return out;
  }

  @Override
  public Object demoWrong(Random random) {
    JsonObject pairs = new JsonObject();
    answer.forEach(pairs::put);
    List<String> lefts = new ArrayList<>(answer.keySet());
    Collections.sort(lefts);
    int i = random.nextInt(lefts.size());
    int j = (i + 1) % lefts.size();
    String swap = pairs.getString(lefts.get(i));
    pairs.put(lefts.get(i), pairs.getString(lefts.get(j)));
    pairs.put(lefts.get(j), swap);
    return pairs;
  }

  private static final class Kind extends NamedKind {
    Kind() {
      super(Matching.class, NAME, "配对题", "连线", Set.of("answer", "left", "right"), Set.of("left", "right"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      List<Choice> left = block.choices("left", 2);
      List<Choice> right = block.choices("right", 2);
      TypeBlock.Entry answer = block.require("answer");
      Map<String, String> pairs = new LinkedHashMap<>();
      for (String pair : block.list(answer)) {
        String[] ids = pair.split("=", -1);
        if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
          throw block.error(answer.line(), "expected 'LEFT=RIGHT' pairs separated by ', ', got '" + pair + "'");
        }
        String l = ids[0].strip();
        String r = ids[1].strip();
        block.requireIds(answer, List.of(l), left, "left id");
        block.requireIds(answer, List.of(r), right, "right id");
        if (pairs.put(l, r) != null) {
          throw block.error(answer.line(), "left " + l + " is paired twice");
        }
      }
      for (Choice entry : left) {
        if (!pairs.containsKey(entry.id())) {
          throw block.error(answer.line(), "left " + entry.id() + " is not paired in the answer");
        }
      }
      return block.build(answer, () -> new Matching(left, right, pairs));
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      JsonObject chosen = answer instanceof JsonObject j ? j : new JsonObject();
      List<Map<String, Object>> rows = new ArrayList<>();
      List<Choice> rights = Choice.fromJson(view.getJsonArray("right"));
      for (Choice entry : Choice.fromJson(view.getJsonArray("left"))) {
        Map<String, Object> row = Choice.fieldRow(view, entry);
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Choice r : rights) {
          Map<String, Object> c = new HashMap<>();
          c.put("id", r.id());
          c.put("text", r.text());
          c.put("selected", r.id().equals(chosen.getString(entry.id())));
          choices.add(c);
        }
        row.put("choices", choices);
        rows.add(row);
      }
      return Map.of("left", rows);
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      if (!(answer instanceof JsonObject pairs)) {
        return String.valueOf(answer);
      }
      List<String> parts = new ArrayList<>();
      for (Choice entry : Choice.fromJson(view.getJsonArray("left"))) {
        parts.add(entry.text() + " → " + Choice.textOf(view.getJsonArray("right"), pairs.getString(entry.id())));
      }
      return String.join("；", parts);
    }
  }
}
