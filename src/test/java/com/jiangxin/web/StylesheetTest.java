package com.jiangxin.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one stylesheet is appended to by every feature; a lost brace in a merge silently disables what follows. */
class StylesheetTest {

  @Test
  @DisplayName("app.css closes every block it opens, and every section starts outside any block")
  void balanced() throws IOException {
    String css = Files.readString(Path.of("webroot/css/app.css")).replaceAll("(?s)/\\*.*?\\*/", "/**/");
    int depth = 0;
    int line = 1;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < css.length(); i++) {
      char c = css.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth < 0) {
          problems.add("line " + line + ": '}' closes nothing");
          depth = 0;
        }
      } else if (c == '/' && css.startsWith("/**/", i) && (i == 0 || css.charAt(i - 1) == '\n') && depth > 0) {
        problems.add("line " + line + ": a section comment inside an unclosed block");
      }
    }
    if (depth != 0) {
      problems.add(depth + " block(s) never closed");
    }
    assertEquals(List.of(), problems);
  }
}
