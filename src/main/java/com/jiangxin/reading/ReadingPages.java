package com.jiangxin.reading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.web.PreparedPage;
import com.jiangxin.web.Stencil;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the reading page draws once and then keeps, in bounded caches: a reading's body (its
 * paragraphs with the examples and the highlighted evidence marked) per reading and highlight; the
 * whole page for visitors who are not signed in, per reading, highlight, size and quiz; and for
 * signed-in visitors the same page as a {@link Stencil}, with holes for their name and CSRF token.
 *
 * <p>None can carry one visitor's data to another: a body is drawn from the reading alone; a whole
 * page only for a visitor with no account and no add-on, from a model that is not given the
 * request's page context (so no CSRF token, no name); a stencil from a model whose name and token
 * are random marks, filled per request (its key holds the role, which decides the links shown).
 * All are keyed by the {@link Reading} object
 * itself (compared by identity): a teacher's edited reading replaces that object in the catalog,
 * so the next request misses and draws the new text, on every instance at once; the old entries
 * are never asked for again and age out. A quiz published for a reading changes {@code hasQuiz},
 * also part of the key. The neighbours linked at the foot are built-in readings, which never change.
 */
final class ReadingPages {
  /** About 9 readings × a few dozen highlighted sentences each, with room to spare. */
  private static final long BODY_CHARS = 3_000_000;
  private static final long PAGE_BYTES = 6_000_000;

  private final Cache<Key, CharSequence> bodies = Caffeine.newBuilder()
    .maximumWeight(BODY_CHARS)
    .<Key, CharSequence>weigher((k, v) -> v.length())
    .build();
  /** Per reading (weak keys compare by identity, and go with the reading): its example chips. */
  private final Cache<Reading, List<Map<String, Object>>> examples = Caffeine.newBuilder()
    .weakKeys()
    .maximumSize(10_000)
    .build();
  private final Cache<Key, PreparedPage> anonymous = Caffeine.newBuilder()
    .maximumWeight(PAGE_BYTES)
    .<Key, PreparedPage>weigher((k, v) -> v.weight())
    .build();
  private final Cache<Key, Stencil> signedIn = Caffeine.newBuilder()
    .maximumWeight(PAGE_BYTES)
    .<Key, Stencil>weigher((k, v) -> v.weight())
    .build();
  /** Where a signed-in visitor's name, username and CSRF token go in a {@link Stencil}: random per instance. */
  final List<String> marks = Stencil.marks(3);

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
    return bodies.get(new Key(reading, highlight, false, false, -1), k -> draw.get());
  }

  /** The reading's example chips as {@code draw} lists them, kept per reading; read-only. */
  List<Map<String, Object>> examples(Reading reading, Function<Reading, List<Map<String, Object>>> draw) {
    return examples.get(reading, r -> draw.apply(r).stream().map(Map::copyOf).toList());
  }

  /** The whole page for a visitor with no account, kept per reading, highlight, size and quiz. */
  PreparedPage anonymousPage(Reading reading, Highlight highlight, boolean large, boolean hasQuiz,
                             Supplier<PreparedPage> draw) {
    return anonymous.get(new Key(reading, highlight, large, hasQuiz, -1), k -> draw.get());
  }

  /**
   * The page for a signed-in visitor with no add-on, kept per reading, highlight, size, quiz and
   * what their role shows ({@code roles}), with holes for their name, username and token
   * ({@link #marks}, in that order).
   */
  Stencil signedInPage(Reading reading, Highlight highlight, boolean large, boolean hasQuiz, int roles,
                       Supplier<Stencil> draw) {
    return signedIn.get(new Key(reading, highlight, large, hasQuiz, roles), k -> draw.get());
  }

  /**
   * What a kept page is drawn from: the reading (by identity: see above), the highlight, the size,
   * whether it has a quiz, and the role flags ({@code -1}: none, for bodies and visitors). Plain
   * fields and a hand-written hash: this is built on every request.
   */
  private static final class Key {
    private final Reading reading;
    private final Highlight highlight;
    private final boolean large;
    private final boolean hasQuiz;
    private final int roles;
    private final int hash;

    Key(Reading reading, Highlight highlight, boolean large, boolean hasQuiz, int roles) {
      this.reading = reading;
      this.highlight = highlight;
      this.large = large;
      this.hasQuiz = hasQuiz;
      this.roles = roles;
      int h = System.identityHashCode(reading);
      h = 31 * h + highlight.paragraph() + (highlight.quote() == null ? 0 : 31 * highlight.quote().hashCode());
      this.hash = 31 * (31 * h + (large ? 1 : 0) + (hasQuiz ? 2 : 0)) + roles;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.reading == reading && k.hash == hash && k.large == large && k.hasQuiz == hasQuiz
        && k.roles == roles && k.highlight.paragraph() == highlight.paragraph()
        && java.util.Objects.equals(k.highlight.quote(), highlight.quote());
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
