package com.jiangxin.quiz;

import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The type-specific keys of one question of a quiz file, handed by {@link QuizLoader} to the type's
 * {@link QuestionKind#parse}: lookups that refuse what is missing or malformed with
 * {@code file:line: what is wrong}, and the reading the question belongs to.
 */
public final class TypeBlock {
  /** One {@code key: value} line; {@code id} is the label of {@code option A:} lines, else null. */
  record Entry(String key, String id, String text, int line) {
  }

  private final String file;
  private final String questionId;
  private final int questionLine;
  private final String typeName;
  private final Reading reading;
  private final Map<String, Entry> keys;
  private final List<Entry> labelled;

  TypeBlock(String file, String questionId, int questionLine, String typeName, Reading reading,
            Map<String, Entry> keys, List<Entry> labelled) {
    this.file = file;
    this.questionId = questionId;
    this.questionLine = questionLine;
    this.typeName = typeName;
    this.reading = reading;
    this.keys = keys;
    this.labelled = labelled;
  }

  /** The reading the quiz belongs to. */
  public Reading reading() {
    return reading;
  }

  ContentException error(int line, String problem) {
    return new ContentException(file, line, problem);
  }

  /** A required, non-empty key. */
  Entry require(String key) {
    Entry entry = keys.get(key);
    if (entry == null) {
      throw error(questionLine, "question '" + questionId + "' has no '" + key + ":'");
    }
    if (entry.text().isEmpty()) {
      throw error(entry.line(), "empty '" + key + ":'");
    }
    return entry;
  }

  /** An optional key; present but empty is an error. */
  Optional<Entry> optional(String key) {
    Entry entry = keys.get(key);
    if (entry != null && entry.text().isEmpty()) {
      throw error(entry.line(), "empty '" + key + ":'");
    }
    return Optional.ofNullable(entry);
  }

  /** An optional key that may be left empty. */
  Optional<Entry> optionalMaybeEmpty(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  /** The {@code key X: text} lines of one labelled key, in file order, at least {@code atLeast}. */
  List<Choice> choices(String key, int atLeast) {
    List<Choice> choices = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Entry field : labelled) {
      if (!field.key().equals(key)) {
        continue;
      }
      Integer first = seen.putIfAbsent(field.id(), field.line());
      if (first != null) {
        throw error(field.line(), "duplicate " + key + " id '" + field.id() + "' (first at line " + first + ")");
      }
      if (field.text().isEmpty()) {
        throw error(field.line(), key + " " + field.id() + " has no text");
      }
      choices.add(new Choice(field.id(), field.text()));
    }
    if (choices.size() < atLeast) {
      throw error(questionLine, "a " + typeName + " question needs at least " + atLeast + " '" + key
          + " X: text' lines, found " + choices.size());
    }
    return choices;
  }

  /** A list separated by commas (ASCII or Chinese), refusing empty entries. */
  List<String> list(Entry answer) {
    List<String> ids = new ArrayList<>();
    for (String part : answer.text().split("[,，]", -1)) {
      if (part.isBlank()) {
        throw error(answer.line(), "empty entry in the answer list (separate ids with ', ')");
      }
      ids.add(part.strip());
    }
    return ids;
  }

  void requireIds(Entry answer, List<String> ids, List<Choice> choices, String what) {
    List<String> known = Choice.ids(choices);
    for (String id : ids) {
      if (!known.contains(id)) {
        throw error(answer.line(), "answer '" + id + "' is not one of the " + what + "s "
            + String.join(", ", known));
      }
    }
  }

  void requireDistinct(Entry answer, List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw error(answer.line(), "the answer names '" + id + "' twice");
      }
    }
  }

  BigDecimal decimal(Entry field, String key) {
    return decimal(field, key, field.text());
  }

  BigDecimal decimal(Entry field, String key, String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw error(field.line(), key + " must be a number, got '" + text.strip() + "'");
    }
  }

  /** Builds a type; what the constructor refuses is reported at {@code at}'s line. */
  <T extends QuestionType> T build(Entry at, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw error(at.line(), e.getMessage());
    }
  }
}
