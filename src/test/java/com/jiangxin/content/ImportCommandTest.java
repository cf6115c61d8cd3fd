package com.jiangxin.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static Path seed() throws Exception {
    return Path.of(ImportCommandTest.class.getResource("/seed/speeches.txt").toURI());
  }

  @Test
  @DisplayName("import FILE OUT_DIR writes the nine readings and says what it wrote and joined")
  void importsAndReports() throws Exception {
    Path target = tmp.resolve("readings");

    assertEquals(0, run(seed().toString(), target.toString()));

    for (int n = 1; n <= 9; n++) {
      Path file = target.resolve("pian-0" + n + ".md");
      assertTrue(out().contains("wrote " + file), out());
      assertArrayEquals(Files.readAllBytes(Path.of("quizzes", "pian-0" + n + ".md")), Files.readAllBytes(file));
    }
    assertEquals(6, out().lines().filter(l -> l.startsWith("joined a paragraph cut by a page break")).count(), out());
    assertTrue(out().contains("篇三 (seed line 59): …我们更加优秀，早 + 在远古时期，森林…"), out());
    assertEquals("", err());
  }

  @Test
  @DisplayName("no arguments or too many print the usage and exit with 2")
  void badArgumentsGiveUsage() {
    assertEquals(2, run());
    assertTrue(err().contains("usage: import FILE [OUT_DIR]"), err());
    assertEquals(2, run("a", "b", "c"));
  }

  @Test
  @DisplayName("an unreadable seed file is a clear error with exit code 2, and nothing is written")
  void missingFileGivesExitTwo() {
    Path missing = tmp.resolve("nope.txt");

    assertEquals(2, run(missing.toString(), tmp.resolve("out").toString()));

    assertTrue(err().contains("cannot read " + missing), err());
    assertTrue(Files.notExists(tmp.resolve("out")));
  }

  @Test
  @DisplayName("an output path that is a file is refused with exit code 2")
  void outputThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    assertEquals(2, run(seed().toString(), file.toString()));
    assertTrue(err().contains("is not a directory"), err());
  }

  @Test
  @DisplayName("a file that is not the speech collection is reported with file:line and exit code 1")
  void wrongFileIsAContentError() throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "一些笔记\n\n没有任何篇章标题。\n");

    assertEquals(1, run(notes.toString(), tmp.resolve("out").toString()));

    assertTrue(err().contains(notes + ":1: no speech heading ending in 篇一 was found"), err());
  }

  @Test
  @DisplayName("--help prints the usage and succeeds")
  void helpPrintsUsage() {
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("usage: import FILE [OUT_DIR]"));
  }
}
