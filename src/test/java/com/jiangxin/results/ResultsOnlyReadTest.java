package com.jiangxin.results;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the quiz feature writes attempt tables: the results feature reads them. */
class ResultsOnlyReadTest {
  private static final Path RESULTS = Path.of("src", "main", "java", "com", "jiangxin", "results");
  private static final Pattern WRITE = Pattern.compile(
    "\\b(insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(attempts|responses|attempt_steps)\\b",
    Pattern.CASE_INSENSITIVE);

  @Test
  @DisplayName("no source of the results feature writes attempts, responses or attempt steps")
  void resultsOnlyRead() throws IOException {
    List<String> writes = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(RESULTS)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(files.stream().anyMatch(p -> p.endsWith("ResultsSql.java")), "the scan sees the results SQL holder");
    for (Path file : files) {
      // joined as the SQL is: "UPDATE " + "attempts" reads as one statement
      Matcher m = WRITE.matcher(Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", ""));
      while (m.find()) {
        writes.add(RESULTS.relativize(file) + ": " + m.group());
      }
    }
    assertEquals(List.of(), writes, "results must ask the quiz feature (quiz.Grading, quiz.AttemptRecords) to write");
  }
}
