package com.jiangxin.content;

import java.util.List;
import java.util.Optional;

/**
 * One speech of the collection, as loaded from its content file.
 *
 * @param id         stable URL-safe id, e.g. {@code pian-02}
 * @param number     the 篇 number, 1 to 9; readings are always listed in this order
 * @param title      a short descriptive title (without the 篇 number)
 * @param source     where the text came from
 * @param examples   the cited examples, in the order the front matter lists them
 * @param paragraphs the body, numbered from 1
 * @param file       the content file's name, for messages
 */
public record Reading(String id, int number, String title, String source,
                      List<CitedExample> examples, List<Paragraph> paragraphs, String file) {

  public Reading {
    examples = List.copyOf(examples);
    paragraphs = List.copyOf(paragraphs);
  }

  /** The 篇 label, e.g. {@code 篇二}. */
  public String pianLabel() {
    // a teacher's own reading has no 篇 number
    return number >= 1 && number <= 9 ? "篇" + "一二三四五六七八九".charAt(number - 1) : "自选";
  }

  public Optional<Paragraph> paragraph(int n) {
    return n >= 1 && n <= paragraphs.size() ? Optional.of(paragraphs.get(n - 1)) : Optional.empty();
  }
}
