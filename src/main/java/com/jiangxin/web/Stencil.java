package com.jiangxin.web;

import com.github.jknack.handlebars.Handlebars;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A page rendered once with marks where one visitor's values go (their name, their CSRF token), cut
 * at those marks into bytes; {@link #fill} puts a visitor's values into the holes, HTML-escaped as
 * {@code {{x}}} would. So a signed-in page costs a copy of bytes instead of a template run, and the
 * kept bytes hold no visitor's data at all: only the marks, which are random per instance.
 */
public final class Stencil {
  private final List<Buffer> literals;
  private final int[] holes;

  private Stencil(List<Buffer> literals, int[] holes) {
    this.literals = literals;
    this.holes = holes;
  }

  /** Random marks, one per hole: letters and digits only, so template escaping leaves them as they are. */
  public static List<String> marks(int count) {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    String stem = "jxhole" + HexFormat.of().formatHex(random);
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      marks.add(stem + "x" + i + "x");
    }
    return List.copyOf(marks);
  }

  /** Cuts {@code html} at every occurrence of each of {@code marks}; mark i becomes hole i. */
  public static Stencil cut(String html, List<String> marks) {
    List<Buffer> literals = new ArrayList<>();
    List<Integer> holes = new ArrayList<>();
    int from = 0;
    while (true) {
      int at = -1;
      int which = -1;
      for (int i = 0; i < marks.size(); i++) {
        int found = html.indexOf(marks.get(i), from);
        if (found >= 0 && (at < 0 || found < at)) {
          at = found;
          which = i;
        }
      }
      if (at < 0) {
        literals.add(Buffer.buffer(html.substring(from).getBytes(StandardCharsets.UTF_8)));
        break;
      }
      literals.add(Buffer.buffer(html.substring(from, at).getBytes(StandardCharsets.UTF_8)));
      holes.add(which);
      from = at + marks.get(which).length();
    }
    return new Stencil(List.copyOf(literals), holes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The page with {@code values[i]} (escaped) in every hole i. */
  public Buffer fill(String... values) {
    byte[][] escaped = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      escaped[i] = Handlebars.Utils.escapeExpression(values[i] == null ? "" : values[i]).toString()
        .getBytes(StandardCharsets.UTF_8);
    }
    int size = 0;
    for (Buffer b : literals) {
      size += b.length();
    }
    for (int h : holes) {
      size += escaped[h].length;
    }
    Buffer out = Buffer.buffer(size);
    for (int i = 0; i < holes.length; i++) {
      out.appendBuffer(literals.get(i)).appendBytes(escaped[holes[i]]);
    }
    return out.appendBuffer(literals.get(literals.size() - 1));
  }

  /** Bytes kept, for a cache bounded by size. */
  public int weight() {
    int size = 0;
    for (Buffer b : literals) {
      size += b.length();
    }
    return size;
  }
}
