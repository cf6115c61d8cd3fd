package com.jiangxin;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The server runs several verticle instances (and test servers several servers) in one JVM, so
 * nothing in it may keep state in a static field that one of them could overwrite.
 */
class NoStaticStateTest {
  /** A static field declaration that is not final. */
  private static final Pattern STATIC_FIELD = Pattern.compile(
    "^\\s*(?:(?:public|protected|private|volatile|transient)\\s+)*static\\s+(?!final\\b)(?!class\\b|record\\b|interface\\b|enum\\b|void\\b)"
      + "(?:(?:public|protected|private|volatile|transient)\\s+)*[\\w<>\\[\\], ?.]+\\s+\\w+\\s*(?:=[^;(]*)?;");

  @Test
  @DisplayName("no source file of the server declares a static field that is not final")
  void noStaticMutableFields() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (STATIC_FIELD.matcher(lines.get(i)).find()) {
            found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
