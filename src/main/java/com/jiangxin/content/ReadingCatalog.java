package com.jiangxin.content;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded readings in 篇 order, looked up by id, with where each cited example is cited, and the
 * one rule of who may see a reading ({@link #visibleTo}). The built-in readings are fixed once
 * built; teachers' own readings ({@code own-<n>}) live in the database and are kept here as last
 * read: {@link #refresh} reads them again (another node or process may have written them).
 */
public final class ReadingCatalog {
  /** The examples the product leads with. */
  public static final List<String> SHOWCASE = List.of("路遥", "方仲永", "哈里森");
  /** How the id of a teacher's own reading begins. */
  public static final String OWN_PREFIX = "own-";

  private final List<Reading> readings;
  private final Map<String, Reading> byId = new LinkedHashMap<>();
  private final Map<String, List<Citation>> citations = new LinkedHashMap<>();
  private final Map<String, Owned> own = new ConcurrentHashMap<>();
  private volatile OwnSource source = OwnSource.NONE;

  /** Where a reading cites an example: the paragraph and the sentence holding its first term found. */
  public record Citation(String example, Reading reading, int paragraph, String sentence) {
  }

  /**
   * A teacher's own reading as read from the database.
   *
   * @param stamp when it was last changed (a later read replaces an earlier one, never the reverse)
   */
  public record Owned(Reading reading, long ownerId, long stamp) {
  }

  /** Who asks to see a reading: a signed-in user and whether they are an approved teacher. */
  public record Reader(long id, boolean teacher) {
  }

  /** Where own readings are stored (the authoring feature gives it; without one there are none). */
  public interface OwnSource {
    OwnSource NONE = new OwnSource() {
      @Override
      public Future<Optional<Owned>> load(String id) {
        return Future.succeededFuture(Optional.empty());
      }

      @Override
      public Future<Boolean> assignedTo(String readingId, long studentId) {
        return Future.succeededFuture(false);
      }
    };

    /** The reading as stored now (its current quiz made ready too), or empty if there is none. */
    Future<Optional<Owned>> load(String id);

    /** Whether the student is in a class that was given the reading. */
    Future<Boolean> assignedTo(String readingId, long studentId);
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

  /** The built-in readings, in 篇 order. */
  public List<Reading> all() {
    return readings;
  }

  /**
   * A built-in reading, or a teacher's own one as this node last read it. No access check: for
   * anything a user asks for by id, use {@link #visibleTo}; after an assignment check, {@link #refresh}.
   */
  public Optional<Reading> byId(String id) {
    Reading r = byId.get(id);
    if (r != null || id == null) {
      return Optional.ofNullable(r);
    }
    return Optional.ofNullable(own.get(id)).map(Owned::reading);
  }

  /** Whether the id is one of the built-in readings. */
  public boolean isBuiltIn(String id) {
    return byId.containsKey(id);
  }

  /** Whether the id has the shape of a teacher's own reading. */
  public static boolean isOwnId(String id) {
    return id != null && id.startsWith(OWN_PREFIX);
  }

  /** Keeps an own reading as read; an older read than the one kept changes nothing. */
  public void putOwn(Owned reading) {
    own.merge(reading.reading().id(), reading, (kept, read) -> read.stamp() >= kept.stamp() ? read : kept);
  }

  /** The own reading as this node last read it. */
  public Optional<Owned> owned(String id) {
    return Optional.ofNullable(id == null ? null : own.get(id));
  }

  /** The teacher who wrote an own reading this node knows; empty for a built-in or unknown id. */
  public Optional<Long> ownerOf(String id) {
    return owned(id).map(Owned::ownerId);
  }

  /** Whether a teacher may assign the reading: any built-in one, and their own (as last read). */
  public boolean assignableBy(String id, long teacherId) {
    return isBuiltIn(id) || ownerOf(id).map(o -> o == teacherId).orElse(false);
  }

  /** Sets where own readings are read from. */
  public void ownSource(OwnSource source) {
    this.source = source;
  }

  /**
   * The reading as it is now: a built-in one at once; an own one read again from the database (a
   * cheap check when nothing changed), so what another node wrote is seen here.
   */
  public Future<Optional<Reading>> refresh(String id) {
    if (id == null || isBuiltIn(id) || !isOwnId(id)) {
      return Future.succeededFuture(Optional.ofNullable(id == null ? null : byId.get(id)));
    }
    return source.load(id).map(found -> {
      found.ifPresent(this::putOwn);
      return found.flatMap(o -> byId(o.reading().id()));
    });
  }

  /** {@link #refresh} for several readings (say those of a list of assignments). */
  public Future<Void> refreshAll(Collection<String> ids) {
    List<Future<Optional<Reading>>> reads = new ArrayList<>();
    new LinkedHashSet<>(ids).forEach(id -> {
      if (isOwnId(id)) {
        reads.add(refresh(id));
      }
    });
    return Future.all(reads).mapEmpty();
  }

  /**
   * The one rule of who may see a reading, asked by every route about one reading (its page, its
   * JSON, its quiz and answer key, practice, copy and export): a built-in reading everyone; an own
   * reading its owner, and a student of a class it was assigned to; nobody else, and nobody who
   * is not signed in ({@code reader} null). Empty means: answer 404, as for no such reading.
   */
  public Future<Optional<Reading>> visibleTo(String id, Reader reader) {
    if (id == null || isBuiltIn(id) || !isOwnId(id)) {
      return Future.succeededFuture(Optional.ofNullable(id == null ? null : byId.get(id)));
    }
    if (reader == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return refresh(id).compose(found -> {
      Optional<Owned> o = owned(id);
      if (found.isEmpty() || o.isEmpty()) {
        return Future.succeededFuture(Optional.<Reading>empty());
      }
      if (o.get().ownerId() == reader.id()) {
        return Future.succeededFuture(found);
      }
      if (reader.teacher()) {
        return Future.succeededFuture(Optional.<Reading>empty());
      }
      return source.assignedTo(id, reader.id()).map(yes -> yes ? found : Optional.<Reading>empty());
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
