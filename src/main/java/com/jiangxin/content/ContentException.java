package com.jiangxin.content;

/**
 * A content file is malformed. The message always starts with {@code file:line: } and says what is
 * wrong, so a teacher who edited the file can find and fix it.
 */
public class ContentException extends RuntimeException {
  private final String file;
  private final int line;

  public ContentException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
