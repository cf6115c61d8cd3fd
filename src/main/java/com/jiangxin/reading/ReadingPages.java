package com.jiangxin.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.web.PreparedPage;

import java.util.function.Supplier;

/**
 * What the reading page draws once and then keeps, in two bounded caches: a reading's body (its
 * paragraphs with the examples and the highlighted evidence marked) per reading and highlight, and
 * the whole page for visitors who are not signed in, per reading, highlight, size and quiz.
 *
 * <p>Neither can carry one visitor's data to another: a body is drawn from the reading alone, and a
 * whole page only for a visitor with no account and no add-on, from a model that is not given the
 * request's page context (so no CSRF token, no name). Both are keyed by the {@link Reading} object
 * itself (compared by identity): a teacher's edited reading replaces that object in the catalog,
 * so the next request misses and draws the new text, on every instance at once; the old entries
 * are never asked for again and age out. A quiz published for a reading changes {@code hasQuiz},
 * also part of the key. The neighbours linked at the foot are built-in readings, which never change.
 */
final class ReadingPages {
  /** About 9 readings × a few dozen highlighted sentences each, with room to spare. */
  private static final long BODY_CHARS = 3_000_000;
  private static final long PAGE_BYTES = 6_000_000;

  private final Cache<BodyKey, CharSequence> bodies = Caffeine.newBuilder()
    .maximumWeight(BODY_CHARS)
    .<BodyKey, CharSequence>weigher((k, v) -> v.length())
    .build();
  private final Cache<PageKey, PreparedPage> anonymous = Caffeine.newBuilder()
    .maximumWeight(PAGE_BYTES)
    .<PageKey, PreparedPage>weigher((k, v) -> v.weight())
    .build();

  /**
   * The evidence a link asks to mark: a sentence in one paragraph. Anything that would mark nothing
   * (no such paragraph, a quote not in it) is {@link #NONE}, so made-up {@code hl} values all share
   * the unmarked page instead of each filling the cache.
   */
  record Highlight(int paragraph, String quote) {
    static final Highlight NONE = new Highlight(0, null);

    static Highlight of(Reading reading, int paragraph, String quote) {
      if (quote == null || quote.isEmpty() || paragraph <= 0) {
        return NONE;
      }
      for (Paragraph p : reading.paragraphs()) {
        if (p.n() == paragraph) {
          return p.text().contains(quote) ? new Highlight(paragraph, quote) : NONE;
        }
      }
      return NONE;
    }

    boolean marked() {
      return quote != null;
    }
  }

  /** A reading's body as drawn by {@code draw}, kept per reading and highlight. */
  CharSequence body(Reading reading, Highlight highlight, Supplier<CharSequence> draw) {
    return bodies.get(new BodyKey(reading, highlight), k -> draw.get());
  }

  /** The whole page for a visitor with no account, kept per reading, highlight, size and quiz. */
  PreparedPage anonymousPage(Reading reading, Highlight highlight, boolean large, boolean hasQuiz,
                             Supplier<PreparedPage> draw) {
    return anonymous.get(new PageKey(new BodyKey(reading, highlight), large, hasQuiz), k -> draw.get());
  }

  /** A reading (by identity: see above) and a highlight. */
  private record BodyKey(Reading reading, Highlight highlight) {
    @Override
    public boolean equals(Object o) {
      return o instanceof BodyKey k && k.reading == reading && k.highlight.equals(highlight);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(reading) + highlight.hashCode();
    }
  }

  private record PageKey(BodyKey body, boolean large, boolean hasQuiz) {
  }
}
