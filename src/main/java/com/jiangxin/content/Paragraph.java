package com.jiangxin.content;

/**
 * One numbered block of a reading: a paragraph of the speech or a section heading.
 *
 * @param n       1-based position in the reading; headings are numbered too, so {@code #p12}
 *                anchors stay stable whatever the block is
 * @param text    the verbatim text
 * @param heading true for a section heading or caption line
 * @param line    the line of the content file the block starts on (for error messages)
 */
public record Paragraph(int n, String text, boolean heading, int line) {
}
