package com.jiangxin.quiz;

import static com.jiangxin.quiz.Fixtures.PIAN02_QUIZ;
import static com.jiangxin.quiz.Fixtures.PIAN05_QUIZ;
import static com.jiangxin.quiz.Fixtures.pian02;
import static com.jiangxin.quiz.Fixtures.pian05;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.content.ContentException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuizBankTest {
  @TempDir
  Path dir;

  void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
  }

  @Test
  @DisplayName("loads every *.quiz.md in the folder, ignores the reading files, and lists quizzes in reading order")
  void loadsAll() throws IOException {
    write("pian-05.quiz.md", PIAN05_QUIZ);
    write("pian-02.quiz.md", PIAN02_QUIZ);
    write("pian-02.md", "not a quiz");
    QuizBank bank = QuizBank.load(dir, List.of(pian02(), pian05()));
    assertEquals(List.of("pian-02", "pian-05"), bank.quizzes().stream().map(Quiz::readingId).toList());
    assertEquals(8, bank.forReading("pian-02").orElseThrow().questions().size());
    assertEquals("harrison-years", bank.forReading("pian-05").orElseThrow().questions().get(0).id());
    assertTrue(bank.forReading("pian-09").isEmpty());
  }

  @Test
  @DisplayName("lists the questions about each cited example, in quiz then file order")
  void byExample() throws IOException {
    write("pian-05.quiz.md", PIAN05_QUIZ);
    write("pian-02.quiz.md", PIAN02_QUIZ);
    QuizBank bank = QuizBank.load(dir, List.of(pian02(), pian05()));
    assertEquals(List.of("luyao-illness", "luyao-facts", "luyao-lesson"),
        bank.forExample("路遥").stream().map(QuestionRef::questionId).toList());
    assertEquals(List.of("pian-05"), bank.forExample("哈里森").stream().map(QuestionRef::readingId).toList());
    assertEquals(List.of("路遥", "方仲永", "赵普", "哈里森"), List.copyOf(bank.byExample().keySet()));
    assertEquals(List.of(), bank.forExample("李白"));
    assertThrows(UnsupportedOperationException.class, () -> bank.byExample().clear());
  }

  @Test
  @DisplayName("a quiz naming an unknown reading is refused with file:line")
  void unknownReading() throws IOException {
    write("pian-02.quiz.md", PIAN02_QUIZ.replace("reading: pian-02", "reading: pian-10"));
    ContentException e = assertThrows(ContentException.class, () -> QuizBank.load(dir, List.of(pian02())));
    assertEquals("pian-02.quiz.md:2: unknown reading 'pian-10'", e.getMessage());
  }

  @Test
  @DisplayName("a second quiz for the same reading is refused with file:line, naming the first")
  void twoQuizzesForOneReading() throws IOException {
    write("pian-02.quiz.md", PIAN02_QUIZ);
    write("pian-03.quiz.md", PIAN02_QUIZ);
    ContentException e = assertThrows(ContentException.class, () -> QuizBank.load(dir, List.of(pian02())));
    assertEquals("pian-03.quiz.md:2: reading pian-02 already has a quiz: pian-02.quiz.md", e.getMessage());
  }

  @Test
  @DisplayName("a bad quiz file stops the load with its own file:line")
  void badFile() throws IOException {
    write("pian-02.quiz.md", PIAN02_QUIZ.replace("type: truefalse", "type: yesno"));
    ContentException e = assertThrows(ContentException.class, () -> QuizBank.load(dir, List.of(pian02())));
    assertEquals("pian-02.quiz.md", e.file());
    assertEquals(Fixtures.lineOf(PIAN02_QUIZ, "type: truefalse"), e.line());
  }

  @Test
  @DisplayName("loads from a folder inside a jar")
  void fromJar() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("quizzes/pian-02.quiz.md"));
      zip.write(PIAN02_QUIZ.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("quizzes/pian-05.quiz.md"));
      zip.write(PIAN05_QUIZ.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      QuizBank bank = QuizBank.load(fs.getPath("/quizzes"), List.of(pian05(), pian02()));
      assertEquals(List.of("pian-02", "pian-05"), bank.quizzes().stream().map(Quiz::readingId).toList());
    }
  }

  @Test
  @DisplayName("a bank built in code refuses two quizzes for one reading")
  void ofRefusesDuplicates() {
    Quiz quiz = Fixtures.pian02Quiz();
    assertThrows(IllegalArgumentException.class, () -> QuizBank.of(List.of(quiz, quiz)));
    assertEquals(quiz, QuizBank.of(List.of(quiz)).forReading("pian-02").orElseThrow());
  }
}
