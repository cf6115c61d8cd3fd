package com.jiangxin.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingLibraryTest {

  @TempDir
  Path dir;

  private static String reading(int number, String id) {
    return ReadingParserTest.VALID.replace("id: pian-02", "id: " + id).replace("number: 2", "number: " + number);
  }

  private void write(String name, String text) throws Exception {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the committed readings load as 篇一 to 篇九 in order")
  void loadsTheCommittedReadings() {
    List<Reading> readings = ReadingLibrary.loadDirectory(Path.of("quizzes"));
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), readings.stream().map(Reading::number).toList());
    assertEquals("pian-05", readings.get(4).id());
  }

  @Test
  @DisplayName("readings are sorted by number, and quiz files and other files are skipped")
  void sortsByNumberAndSkipsQuizFiles() throws Exception {
    write("pian-03.md", reading(3, "pian-03"));
    write("pian-01.md", reading(1, "pian-01"));
    write("pian-02.md", reading(2, "pian-02"));
    write("pian-02.quiz.md", "not a reading at all");
    write("notes.txt", "not a reading either");

    List<Reading> readings = ReadingLibrary.loadDirectory(dir);

    assertEquals(List.of("pian-01", "pian-02", "pian-03"), readings.stream().map(Reading::id).toList());
  }

  @Test
  @DisplayName("two files with the same number are an error naming both files and the number line")
  void duplicateNumberNamesBothFiles() throws Exception {
    write("pian-01.md", reading(4, "pian-01"));
    write("pian-04.md", reading(4, "pian-04"));

    ContentException e = assertThrows(ContentException.class, () -> ReadingLibrary.loadDirectory(dir));

    assertEquals(dir.resolve("pian-04.md").toString(), e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(dir.resolve("pian-04.md") + ":3: number 4 is already used by "), e.getMessage());
    assertTrue(e.getMessage().contains(dir.resolve("pian-01.md").toString()), e.getMessage());
  }

  @Test
  @DisplayName("a malformed file in the directory is reported with its path and line")
  void malformedFileIsReportedWithPath() throws Exception {
    write("pian-01.md", reading(1, "pian-01"));
    write("pian-02.md", reading(2, "pian-02").replace("title: ", "titel: "));

    ContentException e = assertThrows(ContentException.class, () -> ReadingLibrary.loadDirectory(dir));

    assertEquals(dir.resolve("pian-02.md") + ":4: unknown front-matter key \"titel\" "
        + "(expected one of id, number, title, source, examples)", e.getMessage());
  }

  @Test
  @DisplayName("a file that is not UTF-8 is reported at the line of the first bad byte")
  void nonUtf8FileIsReportedAtItsLine() throws Exception {
    String text = reading(1, "pian-01");
    int cut = text.indexOf("热爱劳动");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(text.substring(0, cut).getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(text.substring(cut).getBytes(Charset.forName("GBK")));
    Files.write(dir.resolve("pian-01.md"), bytes.toByteArray());

    ContentException e = assertThrows(ContentException.class, () -> ReadingLibrary.loadDirectory(dir));

    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }

  @Test
  @DisplayName("the readings load from inside a zip file, as they do from the packaged jar")
  void loadsFromAZipFileSystem() throws Exception {
    Path zip = dir.resolve("content.zip");
    URI uri = URI.create("jar:" + zip.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true"))) {
      Path quizzes = Files.createDirectories(fs.getPath("/quizzes"));
      try (var files = Files.list(Path.of("quizzes"))) {
        for (Path file : files.toList()) {
          Files.copy(file, quizzes.resolve(file.getFileName().toString()));
        }
      }
      Files.writeString(quizzes.resolve("pian-01.quiz.md"), "---\nreading: pian-01\n---\n");
    }

    try (FileSystem fs = FileSystems.newFileSystem(zip)) {
      List<Reading> readings = ReadingLibrary.loadDirectory(fs.getPath("/quizzes"));

      assertEquals(9, readings.size());
      assertEquals("路遥", readings.get(1).examples().get(3).name());
      assertEquals(ReadingLibrary.loadDirectory(Path.of("quizzes")).stream().map(Reading::paragraphs).toList(),
          readings.stream().map(Reading::paragraphs).toList());
    }
  }
}
