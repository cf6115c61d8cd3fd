package com.jiangxin.content;

import java.util.List;

/**
 * An example a reading cites (a person, a work, a saying, a figure), as listed in the reading's
 * front matter.
 *
 * @param name  the canonical name, e.g. {@code 路遥}
 * @param terms the surface forms to find and highlight in the text, e.g. {@code 路遥}, {@code 《平凡的世界》};
 *              never empty (defaults to the name)
 */
public record CitedExample(String name, List<String> terms) {
  public CitedExample {
    terms = List.copyOf(terms);
  }
}
