package com.jiangxin.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadingParserTest {

  static final String FRONT = """
      ---
      id: pian-02
      number: 2
      title: 热爱劳动，从我做起
      source: 汇编 · 篇二
      examples:
        - 路遥: 路遥, 《平凡的世界》
        - 民生在勤，勤则不匮: 民生在勤，勤则不匮
      ---
      """;

  static final String BODY = """

      亲爱的同学们：

      ## 第一部分

      近有路遥，最终创作出《平凡的世界》。

      民生在勤，勤则不匮。
      """;

  static final String VALID = FRONT + BODY;

  @Test
  @DisplayName("a well-formed reading gives its front matter, examples and numbered blocks with their file lines")
  void parsesAWellFormedReading() {
    Reading r = ReadingParser.parse("quizzes/pian-02.md", VALID);

    assertEquals("pian-02", r.id());
    assertEquals(2, r.number());
    assertEquals("篇二", r.pianLabel());
    assertEquals("热爱劳动，从我做起", r.title());
    assertEquals("汇编 · 篇二", r.source());
    assertEquals(List.of(
        new CitedExample("路遥", List.of("路遥", "《平凡的世界》")),
        new CitedExample("民生在勤，勤则不匮", List.of("民生在勤，勤则不匮"))), r.examples());
    assertEquals(List.of(
        new Paragraph(1, "亲爱的同学们：", false, 11),
        new Paragraph(2, "第一部分", true, 13),
        new Paragraph(3, "近有路遥，最终创作出《平凡的世界》。", false, 15),
        new Paragraph(4, "民生在勤，勤则不匮。", false, 17)), r.paragraphs());
    assertEquals("quizzes/pian-02.md", r.file());
  }

  @Test
  @DisplayName("the Chinese comma inside a TERM does not split it; only \", \" separates TERMS")
  void chineseCommaIsNotATermSeparator() {
    Reading r = ReadingParser.parse("pian-02.md", VALID);
    assertEquals(List.of("民生在勤，勤则不匮"), r.examples().get(1).terms());
  }

  @Test
  @DisplayName("a file saved with Windows line ends and a byte-order mark reads the same")
  void toleratesCrlfAndBom() {
    Reading r = ReadingParser.parse("pian-02.md", "\uFEFF" + VALID.replace("\n", "\r\n"));
    assertEquals(ReadingParser.parse("pian-02.md", VALID), r);
  }

  @Test
  @DisplayName("an example without TERMS highlights its own name")
  void exampleWithoutTermsUsesItsName() {
    Reading r = ReadingParser.parse("pian-02.md", VALID.replace("  - 路遥: 路遥, 《平凡的世界》", "  - 路遥"));
    assertEquals(List.of("路遥"), r.examples().get(0).terms());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("no front matter at all", BODY.strip(), 1, "must start with a \"---\""),
        Arguments.of("front matter never closed", FRONT.substring(0, FRONT.lastIndexOf("---")), 8, "never closed"),
        Arguments.of("a line that is not key: value", VALID.replace("title: 热爱劳动，从我做起", "title 热爱劳动"), 4,
            "\"key: value\""),
        Arguments.of("a blank line inside the front matter", VALID.replace("number: 2\n", "number: 2\n\n"), 4,
            "blank line inside the front matter"),
        Arguments.of("missing key", VALID.replace("source: 汇编 · 篇二\n", ""), 8, "missing the key \"source:\""),
        Arguments.of("missing examples key", VALID.replace("examples:\n  - 路遥: 路遥, 《平凡的世界》\n"
            + "  - 民生在勤，勤则不匮: 民生在勤，勤则不匮\n", ""), 6, "missing the key \"examples:\""),
        Arguments.of("unknown key", VALID.replace("number: 2\n", "number: 2\nauthor: 佚名\n"), 4,
            "unknown front-matter key \"author\""),
        Arguments.of("key given twice", VALID.replace("number: 2\n", "number: 2\ntitle: 又一个\n"), 5,
            "\"title\" appears twice"),
        Arguments.of("key without a value", VALID.replace("title: 热爱劳动，从我做起", "title:"), 4, "has no value"),
        Arguments.of("id not matching the file name", VALID.replace("id: pian-02", "id: pian-03"), 2,
            "does not match the file name"),
        Arguments.of("id of the wrong shape", VALID.replace("id: pian-02", "id: reading-2"), 2,
            "pian-NN"),
        Arguments.of("number out of range", VALID.replace("number: 2", "number: 10"), 3, "from 1 to 9"),
        Arguments.of("number not a number", VALID.replace("number: 2", "number: 二"), 3, "whole number"),
        Arguments.of("example line before examples:", VALID.replace("title: 热爱劳动，从我做起",
            "title: 热爱劳动，从我做起\n  - 路遥: 路遥"), 5,
            "must follow \"examples:\""),
        Arguments.of("example line indented wrongly", VALID.replace("  - 路遥: 路遥", "  -路遥: 路遥"), 7,
            "must start with two spaces"),
        Arguments.of("example with an empty TERM", VALID.replace("路遥, 《平凡的世界》", "路遥, , 《平凡的世界》"), 7,
            "empty TERM"),
        Arguments.of("example listed twice", VALID.replace("  - 民生在勤，勤则不匮: 民生在勤，勤则不匮", "  - 路遥: 路遥"), 8,
            "listed twice"),
        Arguments.of("unknown TERM", VALID.replace("路遥, 《平凡的世界》", "路遥, 《人生》"), 7,
            "TERM \"《人生》\" of example \"路遥\" does not occur"),
        Arguments.of("multi-line block", VALID.replace("近有路遥，", "近有路遥，\n"), 16, "a block must be one line"),
        Arguments.of("empty body", FRONT + "\n\n", 10, "body is empty"),
        Arguments.of("heading without text", VALID.replace("## 第一部分", "## "), 13, "heading"),
        Arguments.of("heading with the wrong marker", VALID.replace("## 第一部分", "# 第一部分"), 13,
            "must start with \"## \""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  @DisplayName("each malformation is reported as file:line and what is wrong")
  void reportsMalformationWithFileAndLine(String what, String text, int line, String problem) {
    ContentException e = assertThrows(ContentException.class, () -> ReadingParser.parse("quizzes/pian-02.md", text));
    assertEquals("quizzes/pian-02.md", e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith("quizzes/pian-02.md:" + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  @DisplayName("a TERM split across two paragraphs does not count as found")
  void termMustBeInsideOneParagraph() {
    String text = VALID.replace("  - 民生在勤，勤则不匮: 民生在勤，勤则不匮", "  - 民生在勤，勤则不匮: 亲爱的同学们：第一部分");
    ContentException e = assertThrows(ContentException.class, () -> ReadingParser.parse("pian-02.md", text));
    assertEquals(8, e.line());
    assertFalse(e.getMessage().isBlank());
  }
}
