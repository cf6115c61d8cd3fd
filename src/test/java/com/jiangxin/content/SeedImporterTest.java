package com.jiangxin.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeedImporterTest {

  static final String COLLECTION_TITLE = "2023年弘扬大国工匠精神演讲稿 弘扬工匠精神演讲稿(汇总9篇)";

  @TempDir
  static Path out;
  static Path seed;
  static List<Path> written;
  static List<Reading> readings;

  @BeforeAll
  static void importTheSeed() throws Exception {
    seed = Path.of(SeedImporterTest.class.getResource("/seed/speeches.txt").toURI());
    written = SeedImporter.importSeed(seed, out);
    readings = ReadingLibrary.loadDirectory(out);
  }

  private static Stream<Paragraph> allParagraphs() {
    return readings.stream().flatMap(r -> r.paragraphs().stream());
  }

  private static long paragraphsContaining(String text) {
    return allParagraphs().filter(p -> p.text().contains(text)).count();
  }

  @Test
  @DisplayName("the seed gives nine readings, 篇一 to 篇九 in order, each with its short title")
  void nineReadingsInOrderWithTitles() {
    assertEquals(List.of("pian-01.md", "pian-02.md", "pian-03.md", "pian-04.md", "pian-05.md", "pian-06.md",
        "pian-07.md", "pian-08.md", "pian-09.md"), written.stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(List.of("我有一颗工匠心", "热爱劳动，从我做起", "劳动创造世界", "读书有感：工匠精神是一种信仰",
            "工匠精神：热爱与精益求精", "平凡岗位上的大国工匠", "中国制造呼唤工匠精神的回归", "工匠乃精雕细琢之人",
            "弘扬工匠精神，办好职业教育"),
        readings.stream().map(Reading::title).toList());
    assertEquals(List.of("篇一", "篇二", "篇三", "篇四", "篇五", "篇六", "篇七", "篇八", "篇九"),
        readings.stream().map(Reading::pianLabel).toList());
  }

  @Test
  @DisplayName("each reading's source names the collection title and its 篇 label")
  void sourceNamesCollectionAndLabel() {
    for (Reading r : readings) {
      assertEquals(COLLECTION_TITLE + " · " + r.pianLabel(), r.source());
    }
  }

  @Test
  @DisplayName("each speech starts where the seed's speech starts, and keeps its salutation as its own paragraph")
  void speechesStartWithTheirOwnFirstLine() {
    assertEquals("尊敬的各位领导、亲爱的同事们：", readings.get(0).paragraphs().get(0).text());
    assertEquals("大家下午好！", readings.get(0).paragraphs().get(1).text());
    assertTrue(readings.get(3).paragraphs().get(0).text().startsWith("xxx先生在序中就写到"));
    assertEquals("弘扬工匠精神演讲稿一", readings.get(4).paragraphs().get(0).text());
    assertEquals("尊敬的各位老师，同学，你们好：", readings.get(7).paragraphs().get(0).text());
    assertTrue(readings.get(8).paragraphs().get(0).text().startsWith("昨日上午，泉州市委常委"));
  }

  @ParameterizedTest(name = "\"{0}\" appears nowhere in the readings")
  @ValueSource(strings = {"小编", "供大家参考", "接下来我就给大家介绍", "演讲稿是进行演讲的依据", "汇总9篇",
      "弘扬大国工匠精神演讲稿篇"})
  @DisplayName("the collection's title, preface, 篇 headings and publisher boilerplate are gone")
  void prefaceAndBoilerplateRemoved(String text) {
    assertEquals(0, paragraphsContaining(text));
  }

  @ParameterizedTest(name = "one paragraph contains \"{0}\"")
  @ValueSource(strings = {"人生的道路多么漫长坎坷，可是", "阳光朝气自信有活力的积极青年", "早在远古时期",
      "缺乏一种对他人", "中国商飞大飞机制造", "人性化设计不够"})
  @DisplayName("each paragraph cut by a page break is joined to its continuation")
  void pageBreakJoins(String joined) {
    assertEquals(1, paragraphsContaining(joined));
  }

  @Test
  @DisplayName("after the repair, every paragraph ends as a sentence does")
  void noParagraphIsLeftCut() {
    List<String> open = allParagraphs().filter(p -> !p.heading() && !SeedImporter.endsComplete(p.text()))
        .map(Paragraph::text).toList();
    assertEquals(List.of(), open);
  }

  @Test
  @DisplayName("stray marks scraped between Chinese characters are removed")
  void strayMarksRemoved() {
    assertEquals(1, paragraphsContaining("把有价值的事坚持下去"));
    assertEquals(1, paragraphsContaining("工匠精神的缺失不可忽视"));
    assertEquals(1, paragraphsContaining("面对转型升级的新形势"));
    Pattern stray = Pattern.compile("\\p{IsHan}[.']\\p{IsHan}");
    assertEquals(List.of(), allParagraphs().map(Paragraph::text).filter(t -> stray.matcher(t).find()).toList());
  }

  @ParameterizedTest(name = "\"{0}\" is kept")
  @ValueSource(strings = {"孔的精度要求是0.24毫米。", "0.24毫米，相当于人头发丝的直径", "超过 3560万次", "手感堪比x光", "*ihaveadream*", "规划把~踏踏实实",
      "民生在勤，勤则不匮”劳动", "2019年，中国新一代大飞机C919立项", "“xxxx”系列"})
  @DisplayName("real punctuation, numbers and the seed's own quirks stay verbatim")
  void verbatimTextKept(String text) {
    assertEquals(1, paragraphsContaining(text));
  }

  @Test
  @DisplayName("篇五 keeps its two parts and the two captions as headings, and no other reading has headings")
  void pianFiveHeadings() {
    Reading five = readings.get(4);
    List<Paragraph> headings = five.paragraphs().stream().filter(Paragraph::heading).toList();
    assertEquals(List.of("弘扬工匠精神演讲稿一", "弘扬工匠精神演讲稿二", "胡双钱：上海飞机制造有限公司高级技师",
        "可以不是官员也不是负责人但必须有别人难以替代的技术"), headings.stream().map(Paragraph::text).toList());
    assertTrue(five.paragraphs().get(headings.get(3).n()).text().startsWith("提到优质制造"),
        "the caption is not glued to the next paragraph");
    assertEquals(List.of(), readings.stream().filter(r -> r.number() != 5)
        .flatMap(r -> r.paragraphs().stream()).filter(Paragraph::heading).toList());
  }

  @Test
  @DisplayName("the committed quizzes/pian-*.md are byte-identical to a fresh import of the seed")
  void committedReadingsMatchAFreshImport() throws Exception {
    for (Path fresh : written) {
      Path committed = Path.of("quizzes").resolve(fresh.getFileName().toString());
      assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(committed),
          committed + " differs from a fresh import; run the import again and commit");
    }
  }

  @Test
  @DisplayName("the test copy of the seed is the scraped collection byte for byte (never hand-edited)")
  void seedCopyIsUnchanged() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(seed));
    assertEquals("c4b85e2a4728186648fed8893978b5fda3eb7d8de7a7428f48d732db2b18b90e", HexFormat.of().formatHex(digest));
  }

  @Test
  @DisplayName("a TERM that is not in the imported text stops the import with the editorial file and line, writing nothing")
  void missingTermFailsClearly(@TempDir Path target) throws Exception {
    String text = new String(Editorial.class.getResourceAsStream(Editorial.RESOURCE).readAllBytes(),
        StandardCharsets.UTF_8).replace("  - 路遥: 路遥, 《平凡的世界》", "  - 路遥: 路遥, 《人生》");
    Editorial editorial = Editorial.parse("editorial.txt", text);
    int line = text.lines().toList().indexOf("  - 路遥: 路遥, 《人生》") + 1;

    ContentException e = assertThrows(ContentException.class,
        () -> SeedImporter.importSeed(seed, target.resolve("out"), editorial));

    assertEquals("editorial.txt:" + line + ": TERM \"《人生》\" of example \"路遥\" is not in the imported text of 篇二 "
        + "(fix the TERM to match the speech)", e.getMessage());
    assertFalse(Files.exists(target.resolve("out")));
  }

  private static final Editorial ONE_PIAN = Editorial.parse("editorial.txt", """
      drop: 仅供参考
      篇一: 测试
        - 工匠: 工匠
      """);

  @Test
  @DisplayName("captions and page-break joins follow the rule, not the seed's particular strings")
  void rulesApplyToAnyCollection() {
    String seedText = """
        某合集

        前言，会被去掉。

        演讲稿篇一

        各位同学：

        本文仅供参考。

        第一部分

        工匠的手艺，传了三

        代，每一代都更精。

        短标题一

        短标题二

        他说：工匠要有耐心。

        结尾没有标点
        """;
    SeedImporter.Piece piece = SeedImporter.convert("seed.txt", seedText, ONE_PIAN).get(0);
    Reading r = ReadingParser.parse(piece.fileName(), piece.text());

    assertEquals(List.of("各位同学：", "## 第一部分", "工匠的手艺，传了三代，每一代都更精。", "## 短标题一", "## 短标题二",
            "他说：工匠要有耐心。", "结尾没有标点"),
        r.paragraphs().stream().map(p -> (p.heading() ? "## " : "") + p.text()).toList());
    assertEquals("某合集 · 篇一", r.source());
    assertEquals(1, piece.joins().size());
    assertEquals(13, piece.joins().get(0).seedLine());
  }

  @Test
  @DisplayName("a seed that skips a 篇 is rejected at the heading that came out of order")
  void missingPianIsRejected() throws Exception {
    String text = Files.readString(seed).replace("弘扬大国工匠精神演讲稿篇三\n", "");
    ContentException e = assertThrows(ContentException.class,
        () -> SeedImporter.convert("speeches.txt", text, Editorial.standard()));
    assertTrue(e.getMessage().startsWith("speeches.txt:68: expected the heading of 篇三 here"), e.getMessage());
  }

  @Test
  @DisplayName("a seed without one of the nine 篇 the editorial file describes is rejected")
  void shortSeedIsRejected() throws Exception {
    String text = Files.readString(seed);
    String firstEight = text.substring(0, text.indexOf("弘扬大国工匠精神演讲稿篇九"));
    ContentException e = assertThrows(ContentException.class,
        () -> SeedImporter.convert("speeches.txt", firstEight, Editorial.standard()));
    assertTrue(e.getMessage().contains("describes 篇九 but the seed has no heading ending in 篇九"), e.getMessage());
  }
}
