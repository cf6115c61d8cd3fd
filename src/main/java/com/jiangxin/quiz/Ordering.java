package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code ordering}: put the items in order. The answer is an array holding every item id once,
 * e.g. {@code ["I3","I1","I2"]}. Partial credit "relative to the next item" (as Moodle does):
 * fraction = adjacent pairs of the student's order that are also consecutive, in that direction,
 * in the key / (n − 1); the exact order earns 1, the reversed order 0. Form fields:
 * {@code q.<qid>.<itemId>} = position 1..n; if the positions are not 1..n each used once, the typed
 * positions are passed on as an object, which {@link #checkShape} rejects with a clear message.
 * The student view lists the items in a stable shuffled order that is neither the key nor its
 * reverse.
 *
 * @param items  the items (at least three), in file order
 * @param answer the item ids in the correct order
 */
public record Ordering(List<Choice> items, List<String> answer) implements QuestionType {
  public static final String NAME = "ordering";
  public static final QuestionKind KIND = new Kind();

  public Ordering {
    items = Choice.distinct(items, "item");
    answer = List.copyOf(answer);
    if (items.size() < 3) {
      throw new IllegalArgumentException("an ordering question needs at least 3 items");
    }
    List<String> ids = Choice.ids(items);
    Set<String> seen = new HashSet<>();
    for (String id : answer) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException("answer names unknown item '" + id + "'");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException("answer names item '" + id + "' twice");
      }
    }
    for (String id : ids) {
      if (!seen.contains(id)) {
        throw new IllegalArgumentException("answer leaves out item '" + id + "'");
      }
    }
  }


  @Override
  public Optional<String> checkShape(Object given) {
    if (given == null) {
      return Optional.empty();
    }
    if (Answers.asMap(given) != null) {
      return Optional.of(positionsMessage());
    }
    List<Object> order = Answers.asList(given);
    if (order == null) {
      return Optional.of("应为按顺序排列的项目编号数组");
    }
    Set<Object> seen = new HashSet<>();
    for (Object id : order) {
      if (!(id instanceof String s) || !answer.contains(s)) {
        return Optional.of("没有项目 " + id);
      }
      if (!seen.add(s)) {
        return Optional.of("项目 " + s + " 出现了两次");
      }
    }
    return seen.size() == answer.size() ? Optional.empty()
        : Optional.of("排序应包含全部 " + answer.size() + " 项，每项一次");
  }

  private String positionsMessage() {
    return "请给每一项填写 1 到 " + answer.size() + " 之间的序号，每个序号只用一次";
  }

  @Override
  public Grade grade(Object given) {
    if (!answered(given)) {
      return Grade.ZERO;
    }
    List<Object> order = Answers.asList(given);
    int consecutive = 0;
    for (int i = 0; i + 1 < order.size(); i++) {
      if (answer.indexOf(order.get(i + 1)) == answer.indexOf(order.get(i)) + 1) {
        consecutive++;
      }
    }
    return Grade.of((double) consecutive / (answer.size() - 1));
  }

  @Override
  public Object key() {
    return new JsonArray(new ArrayList<>(answer));
  }

  @Override
  public JsonObject studentView() {
    List<String> reversed = new ArrayList<>(answer);
    Collections.reverse(reversed);
    List<Choice> shown = Choice.stableShuffle(items, order -> {
      List<String> ids = Choice.ids(order);
      return !ids.equals(answer) && !ids.equals(reversed);
    });
    return new JsonObject().put("items", Choice.toJson(shown));
  }

  @Override
  public Object fromForm(Function<String, List<String>> param, String qid) {
    int n = items.size();
    String[] byPosition = new String[n];
    JsonObject typed = new JsonObject();
    boolean valid = true;
    for (Choice item : items) {
      String position = Answers.first(param, "q." + qid + "." + item.id());
      if (position == null) {
        valid = false;
        continue;
      }
      typed.put(item.id(), position);
      int p = parsePosition(position);
      if (p < 1 || p > n || byPosition[p - 1] != null) {
        valid = false;
      } else {
        byPosition[p - 1] = item.id();
      }
    }
    if (typed.isEmpty()) {
      return null;
    }
    return valid ? new JsonArray(new ArrayList<>(List.of(byPosition))) : typed;
  }

  private static int parsePosition(String text) {
    return AnswerText.number(text, null)
        .filter(d -> d.signum() > 0 && d.compareTo(BigDecimal.valueOf(1000)) <= 0)
        .filter(d -> d.stripTrailingZeros().scale() <= 0)
        .map(BigDecimal::intValue)
        .orElse(-1);
  }

  @Override
  public String keyText() {
    return String.join(" → ", answer.stream().map(id -> Choice.find(items, id).text()).toList());
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of("order", answer.stream().map(id -> Choice.find(items, id)).toList());
  }

  @Override
  public String describe(Object given) {
    if (!(given instanceof JsonArray order)) {
      return String.valueOf(given);
    }
    List<String> parts = new ArrayList<>();
    order.forEach(id -> parts.add(Choice.textOf(items, String.valueOf(id))));
    return String.join(" → ", parts);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    if (!(given instanceof JsonArray order)) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    order.forEach(id -> ids.add(String.valueOf(id)));
    return List.of(new Tally(String.join(",", ids), describe(given), right));
  }

  @Override
  public Object demoWrong(Random random) {
    List<String> order = new ArrayList<>(answer);
    int i = random.nextInt(order.size() - 1);
    Collections.swap(order, i, i + 1);
    return new JsonArray(order);
  }

  private static final class Kind extends NamedKind {
    Kind() {
      super(Ordering.class, NAME, "排序题", "排序", Set.of("answer", "item"), Set.of("item"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      List<Choice> items = block.choices("item", 3);
      TypeBlock.Entry answer = block.require("answer");
      List<String> ids = block.list(answer);
      block.requireIds(answer, ids, items, "item");
      block.requireDistinct(answer, ids);
      for (Choice item : items) {
        if (!ids.contains(item.id())) {
          throw block.error(answer.line(), "the order leaves out item " + item.id());
        }
      }
      return block.build(answer, () -> new Ordering(items, ids));
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      JsonArray order = answer instanceof JsonArray a ? a : new JsonArray();
      List<Choice> items = Choice.fromJson(view.getJsonArray("items"));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Choice item : items) {
        int position = order.getList().indexOf(item.id()) + 1;
        Map<String, Object> row = Choice.fieldRow(view, item);
        List<Map<String, Object>> positions = new ArrayList<>();
        for (int p = 1; p <= items.size(); p++) {
          Map<String, Object> c = new HashMap<>();
          c.put("n", p);
          c.put("selected", p == position);
          positions.add(c);
        }
        row.put("positions", positions);
        rows.add(row);
      }
      return Map.of("items", rows);
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      if (!(answer instanceof JsonArray order)) {
        return String.valueOf(answer);
      }
      List<String> parts = new ArrayList<>();
      order.forEach(id -> parts.add(Choice.textOf(view.getJsonArray("items"), String.valueOf(id))));
      return String.join(" → ", parts);
    }
  }
}
