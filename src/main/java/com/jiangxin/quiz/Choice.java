package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An id and its text: an option of a choice question, an entry of either matching column, or an
 * item to order. Ids ({@code [A-Za-z0-9]+}) are what answers and form fields carry.
 */
public record Choice(String id, String text) {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9]+");

  public Choice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id must match [A-Za-z0-9]+: '" + id + "'");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("text", text);
  }

  static JsonArray toJson(List<Choice> choices) {
    JsonArray array = new JsonArray();
    choices.forEach(c -> array.add(c.toJson()));
    return array;
  }

  static List<String> ids(List<Choice> choices) {
    return choices.stream().map(Choice::id).toList();
  }

  /** Copies the list, refusing repeated ids. */
  static List<Choice> distinct(List<Choice> choices, String what) {
    Set<String> seen = new HashSet<>();
    for (Choice c : choices) {
      if (!seen.add(c.id())) {
        throw new IllegalArgumentException("duplicate " + what + " id '" + c.id() + "'");
      }
    }
    return List.copyOf(choices);
  }

  /**
   * The same choices in an order that is stable across runs (seeded by the ids) and, where
   * possible, accepted by {@code acceptable}; the display order then never mirrors the file.
   */
  static List<Choice> stableShuffle(List<Choice> choices, Predicate<List<Choice>> acceptable) {
    Random random = new Random(String.join("\u0000", ids(choices)).hashCode());
    List<Choice> order = new ArrayList<>(choices);
    for (int attempt = 0; attempt < 50; attempt++) {
      Collections.shuffle(order, random);
      if (acceptable.test(order)) {
        return List.copyOf(order);
      }
    }
    order = new ArrayList<>(choices);
    Collections.rotate(order, -1);
    return List.copyOf(order);
  }

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** The choice with this id; the key's ids are checked when a question is built. */
  static Choice find(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no choice " + id));
  }

  /** The text of the choice with this id, or the id itself if there is none. */
  static String textOf(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).map(Choice::text).findFirst().orElse(id);
  }

  /** {@code B. 深入农村煤窝}: the id and the text, as a teacher reads a key. */
  String labelled() {
    return id + ". " + text;
  }

  /** The choices of a student view ({@code [{id, text}]}). */
  static List<Choice> fromJson(JsonArray array) {
    List<Choice> out = new ArrayList<>();
    if (array != null) {
      for (Object o : array) {
        JsonObject c = (JsonObject) o;
        out.add(new Choice(c.getString("id"), c.getString("text")));
      }
    }
    return out;
  }

  /** The text of the choice with this id in a student view's array; 未选 for none. */
  static String textOf(JsonArray choices, String id) {
    return id == null ? "（未选）" : textOf(fromJson(choices), id);
  }

  /**
   * The options of a student view as form rows: the letter the student sees (by position, as the
   * attempt shows them), the text, whether the saved answer ticks it, and a DOM id.
   */
  static List<Map<String, Object>> formRows(JsonObject view, Object answer) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<Choice> options = fromJson(view.getJsonArray("options"));
    for (int i = 0; i < options.size(); i++) {
      Choice option = options.get(i);
      boolean checked = option.id().equals(answer) || (answer instanceof JsonArray arr && arr.contains(option.id()));
      Map<String, Object> m = new HashMap<>();
      m.put("id", option.id());
      m.put("label", i < LETTERS.length() ? String.valueOf(LETTERS.charAt(i)) : option.id());
      m.put("text", option.text());
      m.put("checked", checked);
      m.put("domId", "q-" + view.getString("id") + "-" + option.id());
      out.add(m);
    }
    return out;
  }

  /** The ticked options of a student view in words, lettered as the student saw them. */
  static String describeTicked(JsonObject view, Object answer) {
    List<String> ids = new ArrayList<>();
    if (answer instanceof JsonArray arr) {
      arr.forEach(x -> ids.add(String.valueOf(x)));
    } else {
      ids.add(String.valueOf(answer));
    }
    List<String> parts = new ArrayList<>();
    List<Choice> options = fromJson(view.getJsonArray("options"));
    for (int i = 0; i < options.size(); i++) {
      if (ids.contains(options.get(i).id())) {
        parts.add((i < LETTERS.length() ? String.valueOf(LETTERS.charAt(i)) : options.get(i).id()) + ". " + options.get(i).text());
      }
    }
    return String.join("；", parts);
  }

  /**
   * A form row for one choice that has a field of its own ({@code q.<qid>.<choiceId>}, as a matching
   * left entry or an ordering item has): its id, text and field name, to add the controls to.
   */
  static Map<String, Object> fieldRow(JsonObject view, Choice choice) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", choice.id());
    row.put("text", choice.text());
    row.put("field", "q." + view.getString("id") + "." + choice.id());
    return row;
  }

  /** Every option as a key-page row with whether it is correct. */
  static List<Map<String, Object>> keyRows(List<Choice> options, List<String> correct) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Choice c : options) {
      Map<String, Object> o = new HashMap<>();
      o.put("id", c.id());
      o.put("text", c.text());
      o.put("correct", correct.contains(c.id()));
      out.add(o);
    }
    return out;
  }
}
