package com.jiangxin.quiz;

import static com.jiangxin.quiz.Fixtures.PIAN02_QUIZ;
import static com.jiangxin.quiz.Fixtures.lineOf;
import static com.jiangxin.quiz.Fixtures.pian02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.content.ContentException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuizLoaderTest {

  @Test
  @DisplayName("a valid file gives the quiz: reading, title, discussion prompts and every question in order")
  void validFile() {
    Quiz quiz = Fixtures.pian02Quiz();
    assertEquals("pian-02", quiz.readingId());
    assertEquals("篇二 · 热爱劳动，从我做起", quiz.title());
    assertEquals("pian-02.quiz.md", quiz.file());
    assertEquals(List.of("演讲者为什么把两个人物放在一起讲？你同意他的结论吗？", "你身边有哪些默默劳动的人？"),
        quiz.discussionPrompts());
    assertEquals(List.of("luyao-illness", "fang-name", "luyao-facts", "zhaopu-diligent", "fang-age",
        "who-did-what", "fang-story", "luyao-lesson"), quiz.questions().stream().map(Question::id).toList());
    assertEquals(List.of("single", "fill", "multiple", "truefalse", "numeric", "matching", "ordering", "short"),
        quiz.questions().stream().map(Question::typeName).toList());
  }

  @Test
  @DisplayName("each question keeps its prompt, example, points (default 1) and its type's data and key")
  void questionData() {
    Quiz quiz = Fixtures.pian02Quiz();
    Question single = quiz.question("luyao-illness").orElseThrow();
    assertEquals("根据演讲稿，路遥身患重病时做了什么？", single.prompt());
    assertEquals("路遥", single.example());
    assertEquals(2, single.points());
    assertEquals(3, ((SingleChoice) single.type()).options().size());
    assertEquals("B", single.key());
    Question fill = quiz.question("fang-name").orElseThrow();
    assertEquals(1, fill.points());
    assertEquals(List.of("仲永", "方仲永同学"), ((FillIn) fill.type()).accept());
    assertEquals(new JsonArray().add("A").add("B"), quiz.question("luyao-facts").orElseThrow().key());
    assertEquals(true, quiz.question("zhaopu-diligent").orElseThrow().key());
    Numeric numeric = (Numeric) quiz.question("fang-age").orElseThrow().type();
    assertEquals(new Numeric(new BigDecimal("5"), new BigDecimal("0"), "岁"), numeric);
    assertEquals(new JsonObject().put("L1", "R1").put("L2", "R2"), quiz.question("who-did-what").orElseThrow().key());
    assertEquals(new JsonArray().add("I2").add("I1").add("I3"), quiz.question("fang-story").orElseThrow().key());
    ShortAnswer shortAnswer = (ShortAnswer) quiz.question("luyao-lesson").orElseThrow().type();
    assertEquals("提到勤奋（1分）、\n带病坚持（1分）、联系自己（1分）", shortAnswer.rubric());
    assertEquals("只有勤奋才能成功。", shortAnswer.modelAnswer());
    assertEquals(11, quiz.totalPoints());
  }

  @Test
  @DisplayName("the evidence's paragraph number is recorded and replaces {p} in the explanation")
  void evidenceParagraph() {
    Quiz quiz = Fixtures.pian02Quiz();
    Question single = quiz.question("luyao-illness").orElseThrow();
    assertEquals(3, single.paragraph());
    assertEquals("解析：第3段说路遥“身患重病，仍深入农村煤窝”。", single.explanation());
    assertEquals(4, quiz.question("fang-story").orElseThrow().paragraph());
    assertEquals(5, quiz.question("who-did-what").orElseThrow().paragraph());
  }

  @Test
  @DisplayName("the version is the first 12 hex digits of the SHA-256 of the file")
  void version() throws Exception {
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(PIAN02_QUIZ.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    assertEquals(expected, Fixtures.pian02Quiz().version());
    assertTrue(expected.matches("[0-9a-f]{12}"));
  }

  @Test
  @DisplayName("the version changes when one byte of the file changes, and only then")
  void versionChanges() {
    String same = QuizLoader.parse("pian-02.quiz.md", PIAN02_QUIZ, pian02()).version();
    String edited = QuizLoader.parse("pian-02.quiz.md",
        PIAN02_QUIZ.replace("option C: 到大学讲授写作课", "option C: 到大学讲授写作课!"), pian02()).version();
    String spaced = QuizLoader.parse("pian-02.quiz.md", PIAN02_QUIZ + "\n", pian02()).version();
    assertEquals(Fixtures.pian02Quiz().version(), same);
    assertNotEquals(same, edited);
    assertNotEquals(same, spaced);
  }

  @Test
  @DisplayName("Windows line endings and a byte-order mark are read like plain lines")
  void crlfAndBom() {
    Quiz quiz = QuizLoader.parse("pian-02.quiz.md", "\uFEFF" + PIAN02_QUIZ.replace("\n", "\r\n"), pian02());
    assertEquals(8, quiz.questions().size());
    assertEquals("B", quiz.question("luyao-illness").orElseThrow().key());
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        bad("an unknown type", "type: truefalse", "type: yesno", "type: yesno", "unknown type 'yesno'"),
        bad("a missing answer", "answer: B\n", "", "## luyao-illness", "has no 'answer:'"),
        bad("an empty answer", "answer: B", "answer:", "answer:", "empty 'answer:'"),
        bad("a short question without a rubric",
            "rubric: 提到勤奋（1分）、\n  带病坚持（1分）、联系自己（1分）\n", "", "## luyao-lesson", "has no 'rubric:'"),
        bad("a duplicate question id", "## zhaopu-diligent", "## luyao-facts", "## luyao-facts\ntype: truefalse",
            "duplicate question id 'luyao-facts'"),
        bad("a duplicate option id", "option C: 到大学讲授写作课", "option B: 到大学讲授写作课",
            "option B: 到大学讲授写作课", "duplicate option id 'B'"),
        bad("a duplicate key", "answer: true", "answer: true\nprompt: 又一个", "prompt: 又一个", "duplicate key 'prompt'"),
        bad("evidence not in the reading", "evidence: 五岁能诗", "evidence: 六岁能诗", "evidence: 六岁能诗",
            "evidence not found"),
        bad("a single answer naming no option", "answer: B", "answer: E", "answer: E",
            "answer 'E' is not one of the options A, B, C"),
        bad("a multiple answer naming no option", "answer: A, B", "answer: A, D", "answer: A, D",
            "answer 'D' is not one of the options"),
        bad("a truefalse answer that is not a boolean", "answer: true", "answer: maybe", "answer: maybe",
            "answer must be true or false"),
        bad("a numeric answer that is not a number", "answer: 5\n", "answer: 五岁\n", "answer: 五岁",
            "answer must be a number"),
        bad("a matching answer naming an unknown id", "answer: L1=R1, L2=R2", "answer: L1=R1, L2=R9",
            "answer: L1=R1, L2=R9", "'R9' is not one of the right ids"),
        bad("a matching answer leaving a left id unpaired", "answer: L1=R1, L2=R2", "answer: L1=R1",
            "answer: L1=R1", "left L2 is not paired"),
        bad("an ordering answer leaving out an item", "answer: I2, I1, I3", "answer: I2, I1", "answer: I2, I1",
            "leaves out item I3"),
        bad("an option without an id", "option A: 回到家乡静养，暂停写作", "option: 回到家乡静养，暂停写作",
            "option: 回到家乡", "'option' without an id"),
        bad("an option with a blank id", "option A: 回到家乡静养，暂停写作", "option : 回到家乡静养，暂停写作",
            "option : 回到家乡", "'option' without an id"),
        bad("an item without an id", "item I1: 不再学习", "item: 不再学习", "item: 不再学习", "'item' without an id"),
        bad("a left entry without an id", "left L1: 赵普", "left: 赵普", "left: 赵普", "'left' without an id"),
        bad("an unknown key", "tolerance: 0", "tolerence: 0", "tolerence: 0", "unknown key 'tolerence'"),
        bad("a key of another type", "accept: 仲永 | 方仲永同学", "tolerance: 1", "tolerance: 1",
            "unknown key 'tolerance' for a fill question"),
        bad("an option in a fill question", "accept: 仲永 | 方仲永同学", "option A: 仲永", "option A: 仲永",
            "unknown key 'option A' for a fill question"),
        bad("an example that the reading does not list", "example: 赵普\nprompt: 演讲稿说",
            "example: 哈里森\nprompt: 演讲稿说", "example: 哈里森", "example '哈里森' is not one of pian-02's examples"),
        bad("a missing prompt", "prompt: 演讲稿说赵普读书很勤奋。\n", "", "## zhaopu-diligent", "has no 'prompt:'"),
        bad("a missing evidence", "evidence: 赵普三年不窥园\n", "", "## zhaopu-diligent", "has no 'evidence:'"),
        bad("a missing explanation", "explanation: 解析：见第{p}段。\n", "", "## fang-name", "has no 'explanation:'"),
        bad("a missing example", "example: 路遥\npoints: 3", "points: 3", "## luyao-lesson", "has no 'example:'"),
        bad("zero points", "points: 2", "points: 0", "points: 0", "points must be a positive number, got '0'"),
        bad("negative points", "points: 2", "points: -1", "points: -1", "points must be a positive number"),
        bad("points that are not a number", "points: 2", "points: 两分", "points: 两分", "points must be a positive number"),
        bad("a full-width colon", "answer: B", "answer：B", "answer：B", "expected 'key: value'"),
        bad("a question id with capitals", "## fang-name", "## Fang-Name", "## Fang-Name", "question id 'Fang-Name'"),
        bad("a quiz naming another reading", "reading: pian-02", "reading: pian-03", "reading: pian-03",
            "names reading 'pian-03', not pian-02"),
        bad("an unknown front-matter key", "title: 篇二", "titel: 篇二", "titel: 篇二", "unknown front-matter key 'titel'"),
        bad("only one discussion prompt", "discuss: 你身边有哪些默默劳动的人？\n", "", "## luyao-illness",
            "expected 2 or 3 'discuss:' prompts"),
        bad("a question key before the first question", "discuss: 你身边有哪些默默劳动的人？",
            "prompt: 你身边有哪些默默劳动的人？", "prompt: 你身边", "unknown key 'prompt' before the first question"),
        bad("a continuation line with nothing to continue", "## fang-name\n", "## fang-name\n  续行\n", "  续行",
            "continues the previous key"),
        bad("a fill question with an empty alternative", "accept: 仲永 | 方仲永同学", "accept: 仲永 |  | 方仲永同学",
            "accept: 仲永 |", "empty alternative"));
  }

  /** A bad variant of the valid quiz: {@code from} replaced by {@code to}; the error is on the line starting with {@code at}. */
  static Arguments bad(String what, String from, String to, String at, String message) {
    assertTrue(PIAN02_QUIZ.contains(from), "fixture has no " + from);
    String text = PIAN02_QUIZ.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to));
    int line;
    if (at.contains("\n")) {
      // the second occurrence of a repeated heading: find the heading followed by the given line
      int index = text.indexOf(at);
      line = (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    } else {
      line = lineOf(text, at);
    }
    return Arguments.of(what, text, line, message);
  }

  @ParameterizedTest(name = "{0} is reported as pian-02.quiz.md:{2}")
  @MethodSource("badFiles")
  @DisplayName("a bad file is refused with file:line and what is wrong")
  void badFile(String what, String text, int line, String message) {
    ContentException e = assertThrows(ContentException.class,
        () -> QuizLoader.parse("pian-02.quiz.md", text, pian02()));
    assertEquals("pian-02.quiz.md", e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith("pian-02.quiz.md:" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  @DisplayName("a file without front matter, or with an unclosed one, is refused at the right line")
  void frontMatter() {
    ContentException none = assertThrows(ContentException.class,
        () -> QuizLoader.parse("x.quiz.md", "reading: pian-02\n", pian02()));
    assertEquals(1, none.line());
    ContentException unclosed = assertThrows(ContentException.class,
        () -> QuizLoader.parse("x.quiz.md", "---\nreading: pian-02\ntitle: t\n", pian02()));
    assertEquals(4, unclosed.line());
    ContentException noTitle = assertThrows(ContentException.class,
        () -> QuizLoader.parse("x.quiz.md", "---\nreading: pian-02\n---\n", pian02()));
    assertEquals("x.quiz.md:3: the front matter has no 'title:'", noTitle.getMessage());
  }

  @Test
  @DisplayName("a file without questions is refused")
  void noQuestions() {
    String text = "---\nreading: pian-02\ntitle: t\n---\ndiscuss: a\ndiscuss: b\n";
    ContentException e = assertThrows(ContentException.class, () -> QuizLoader.parse("x.quiz.md", text, pian02()));
    assertTrue(e.getMessage().contains("no questions"), e.getMessage());
  }

  @Test
  @DisplayName("load reads a file from disk and names it by its file name")
  void loadFromDisk(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pian-02.quiz.md");
    Files.writeString(file, PIAN02_QUIZ);
    Quiz quiz = QuizLoader.load(file, pian02());
    assertEquals("pian-02.quiz.md", quiz.file());
    assertEquals(Fixtures.pian02Quiz(), quiz);
  }

  @Test
  @DisplayName("load works on a path inside a jar")
  void loadFromJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("quizzes/pian-02.quiz.md"));
      zip.write(PIAN02_QUIZ.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      Quiz quiz = QuizLoader.load(fs.getPath("/quizzes/pian-02.quiz.md"), pian02());
      assertEquals(Fixtures.pian02Quiz().version(), quiz.version());
      assertEquals("pian-02.quiz.md", quiz.file());
    }
  }

  @Test
  @DisplayName("a file that is not UTF-8 is refused at the line of the first bad byte")
  void notUtf8(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pian-02.quiz.md");
    byte[] good = "---\nreading: pian-02\ntitle: ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
    bytes[good.length] = (byte) 0xB5;
    bytes[good.length + 1] = '\n';
    Files.write(file, bytes);
    ContentException e = assertThrows(ContentException.class, () -> QuizLoader.load(file, pian02()));
    assertEquals("pian-02.quiz.md:3: not valid UTF-8 text", e.getMessage());
  }

  @Test
  @DisplayName("the loaded model is immutable")
  void immutable() {
    Quiz quiz = Fixtures.pian02Quiz();
    assertThrows(UnsupportedOperationException.class, () -> quiz.questions().clear());
    assertThrows(UnsupportedOperationException.class, () -> quiz.discussionPrompts().add("x"));
    Matching matching = (Matching) quiz.question("who-did-what").orElseThrow().type();
    assertThrows(UnsupportedOperationException.class, () -> matching.answer().put("L1", "R2"));
    JsonObject key = assertInstanceOf(JsonObject.class, matching.key());
    key.put("L1", "R3");
    assertEquals("R1", ((JsonObject) matching.key()).getString("L1"), "changing a returned key changes nothing");
  }
}
