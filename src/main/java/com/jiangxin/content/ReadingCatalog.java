package com.jiangxin.content;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded readings in 篇 order, looked up by id, with where each cited example is cited.
 * The built-in readings are fixed once built; teachers' own readings ({@code own-<n>}) are added or
 * replaced as they are written, and looked up in the database on a miss (another node wrote them).
 */
public final class ReadingCatalog {
  /** The examples the product leads with. */
  public static final List<String> SHOWCASE = List.of("路遥", "方仲永", "哈里森");

  private final List<Reading> readings;
  private final Map<String, Reading> byId = new LinkedHashMap<>();
  private final Map<String, List<Citation>> citations = new LinkedHashMap<>();
  private final Map<String, Reading> own = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Long> owners = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile java.util.function.Function<String, io.vertx.core.Future<Optional<Owned>>> ownSource =
    id -> io.vertx.core.Future.succeededFuture(Optional.empty());

  /** Where a reading cites an example: the paragraph and the sentence holding its first term found. */
  public record Citation(String example, Reading reading, int paragraph, String sentence) {
  }

  public ReadingCatalog(List<Reading> readings) {
    this.readings = List.copyOf(readings);
    for (Reading r : this.readings) {
      byId.put(r.id(), r);
      for (CitedExample ex : r.examples()) {
        locate(r, ex).ifPresent(c -> citations.computeIfAbsent(ex.name(), k -> new ArrayList<>()).add(c));
      }
    }
  }

  public List<Reading> all() {
    return readings;
  }

  /** A built-in reading, or a teacher's own one this node knows. */
  public Optional<Reading> byId(String id) {
    Reading r = byId.get(id);
    return Optional.ofNullable(r != null ? r : id == null ? null : own.get(id));
  }

  /** Whether the id is one of the built-in readings. */
  public boolean isBuiltIn(String id) {
    return byId.containsKey(id);
  }

  /** Adds or replaces a teacher's own reading. */
  public void putOwn(Reading reading, long ownerId) {
    owners.put(reading.id(), ownerId);
    own.put(reading.id(), reading);
  }

  /** The teacher who wrote an own reading this node knows; empty for a built-in or unknown id. */
  public Optional<Long> ownerOf(String id) {
    return Optional.ofNullable(id == null ? null : owners.get(id));
  }

  /** Whether a teacher may assign the reading: any built-in one, and their own. */
  public boolean assignableBy(String id, long teacherId) {
    return isBuiltIn(id) || ownerOf(id).map(o -> o == teacherId).orElse(false);
  }

  /** An own reading found in the database, with its owner. */
  public record Owned(Reading reading, long ownerId) {
  }

  /** Where own readings this node has not seen are looked up (the database). */
  public void ownSource(java.util.function.Function<String, io.vertx.core.Future<Optional<Owned>>> source) {
    this.ownSource = source;
  }

  /** Like {@link #byId}, but an own reading this node does not know yet is looked up and kept. */
  public io.vertx.core.Future<Optional<Reading>> find(String id) {
    Optional<Reading> known = byId(id);
    if (known.isPresent() || id == null || !id.startsWith("own-")) {
      return io.vertx.core.Future.succeededFuture(known);
    }
    return ownSource.apply(id).map(found -> {
      found.ifPresent(o -> putOwn(o.reading(), o.ownerId()));
      return found.map(Owned::reading);
    });
  }

  /** Every cited example name, in reading order, with where it is cited. */
  public Map<String, List<Citation>> citations() {
    return citations;
  }

  public List<Citation> citationsOf(String example) {
    return citations.getOrDefault(example, List.of());
  }

  private static Optional<Citation> locate(Reading r, CitedExample ex) {
    for (String term : ex.terms()) {
      for (Paragraph p : r.paragraphs()) {
        int at = p.text().indexOf(term);
        if (at >= 0) {
          return Optional.of(new Citation(ex.name(), r, p.n(), sentenceAround(p.text(), at, term.length())));
        }
      }
    }
    return Optional.empty();
  }

  /** The sentence (bounded by 。！？；) that holds text[at, at+len). */
  static String sentenceAround(String text, int at, int len) {
    int start = at;
    while (start > 0 && "。！？；!?".indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at + len;
    while (end < text.length() && "。！？；!?".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end < text.length()) {
      end++;
      // keep a closing quote that belongs to the sentence
      while (end < text.length() && "”’」』）".indexOf(text.charAt(end)) >= 0) {
        end++;
      }
    }
    return text.substring(start, end).trim();
  }
}
