package com.jiangxin.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The seed importer's repairs, offered one by one on a text a teacher pastes: a boilerplate line to
 * drop, a stray mark between Chinese characters to remove, a paragraph cut by a page break to join
 * to the next. Each is found by the same tests {@link SeedImporter} applies to the seed; nothing is
 * changed until the teacher accepts it.
 */
public final class Repairs {
  public static final String BOILERPLATE = "boilerplate";
  public static final String STRAY_MARK = "stray-mark";
  public static final String JOIN = "join";

  private Repairs() {
  }

  /**
   * One proposed repair.
   *
   * @param kind      {@link #BOILERPLATE}, {@link #STRAY_MARK} or {@link #JOIN}
   * @param paragraph the 1-based paragraph it changes (a join joins it to the next)
   * @param before    the paragraph as it is (for a join: it and the next, on two lines)
   * @param after     what it becomes (empty when dropped)
   */
  public record Repair(String kind, int paragraph, String before, String after) {
  }

  /** The paragraphs of a pasted text: its non-blank lines, stripped. */
  public static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String line : ReadingParser.lines(text)) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Uploaded bytes as text: UTF-8 when they are valid UTF-8, GB18030 otherwise. */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("GB18030"));
    }
  }

  /** The repairs the seed importer would make to these paragraphs, in paragraph order. */
  public static List<Repair> propose(List<String> paragraphs) {
    Editorial editorial = Editorial.standard();
    List<Repair> out = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      String text = paragraphs.get(i);
      int n = i + 1;
      if (editorial.isBoilerplate(text)) {
        out.add(new Repair(BOILERPLATE, n, text, ""));
        continue;
      }
      String clean = SeedImporter.removeStrayMarks(text);
      if (!clean.equals(text)) {
        out.add(new Repair(STRAY_MARK, n, text, clean));
      }
      if (i + 1 < paragraphs.size() && !SeedImporter.endsComplete(text)
          && !isCaption(paragraphs, i) && !isCaption(paragraphs, i + 1)
          && !editorial.isBoilerplate(paragraphs.get(i + 1))) {
        String next = paragraphs.get(i + 1);
        out.add(new Repair(JOIN, n, text + "\n" + next, text + next));
      }
    }
    return out;
  }

  /**
   * The paragraphs with the accepted repairs made.
   *
   * @param accepted indexes into {@code proposed}; others are left undone
   */
  public static List<String> apply(List<String> paragraphs, List<Repair> proposed, Set<Integer> accepted) {
    int size = paragraphs.size();
    boolean[] drop = new boolean[size];
    boolean[] clean = new boolean[size];
    boolean[] join = new boolean[size];
    for (int k : accepted) {
      if (k < 0 || k >= proposed.size()) {
        continue;
      }
      Repair r = proposed.get(k);
      int i = r.paragraph() - 1;
      switch (r.kind()) {
        case BOILERPLATE -> drop[i] = true;
        case STRAY_MARK -> clean[i] = true;
        default -> join[i] = true;
      }
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (int i = 0; i < size; i++) {
      if (drop[i]) {
        continue;
      }
      String text = clean[i] ? SeedImporter.removeStrayMarks(paragraphs.get(i)) : paragraphs.get(i);
      current = current == null ? new StringBuilder(text) : current.append(text);
      if (!(join[i] && i + 1 < size)) {
        out.add(current.toString());
        current = null;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  /** A caption-like line (or run of them) that a normal paragraph follows, as the seed importer reads it. */
  private static boolean isCaption(List<String> texts, int i) {
    int j = i;
    while (j < texts.size() && SeedImporter.looksLikeCaption(texts.get(j))) {
      j++;
    }
    return j > i && j < texts.size();
  }

  /** Accepted indexes as a set, for {@link #apply}. */
  public static Set<Integer> all(List<Repair> proposed) {
    Set<Integer> all = new java.util.HashSet<>();
    for (int k = 0; k < proposed.size(); k++) {
      all.add(k);
    }
    return all;
  }
}
