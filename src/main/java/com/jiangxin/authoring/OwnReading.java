package com.jiangxin.authoring;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A teacher's own reading as stored.
 *
 * @param id          {@code own-<n>}
 * @param paragraphs  the text, one paragraph (or {@code ## } heading) per entry
 * @param examples    the cited examples the teacher marked, each with the text spans that cite it
 * @param quizVersion the published quiz version, or null before the first publish
 */
record OwnReading(String id, long ownerId, String title, List<String> paragraphs, List<CitedExample> examples,
                  String quizVersion, long createdAt, long updatedAt) {
  static final String PREFIX = "own-";
  static final String HEADING = "## ";

  static String idOf(long n) {
    return PREFIX + n;
  }

  /** The row number inside an {@code own-<n>} id, or -1 for any other id. */
  static long numberOf(String id) {
    if (id == null || !id.matches("own-\\d{1,18}")) {
      return -1;
    }
    return Long.parseLong(id.substring(PREFIX.length()));
  }

  /** The reading as the catalog keeps it. */
  ReadingCatalog.Owned owned() {
    return new ReadingCatalog.Owned(toReading(), ownerId, updatedAt);
  }

  /** The reading as the rest of the product reads it. */
  Reading toReading() {
    List<Paragraph> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      boolean heading = p.startsWith(HEADING);
      blocks.add(new Paragraph(blocks.size() + 1, heading ? p.substring(HEADING.length()).strip() : p, heading,
        blocks.size() + 1));
    }
    return new Reading(id, 0, title, "教师自选", examples, blocks, id);
  }
}
