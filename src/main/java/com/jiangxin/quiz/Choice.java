package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
}
