package com.jiangxin.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FillInTest {
  final FillIn name = new FillIn("方仲永", List.of("仲永"));
  final FillIn book = new FillIn("《平凡的世界》", List.of());
  final FillIn days = new FillIn("64", List.of());
  final FillIn daysWithUnit = new FillIn("64天", List.of());
  final FillIn count = new FillIn("一百零八", List.of());
  final FillIn latin = new FillIn("I have a dream", List.of());

  @Test
  @DisplayName("the exact answer earns full marks")
  void exact() {
    assertEquals(Grade.FULL, name.grade("方仲永"));
  }

  @Test
  @DisplayName("an accepted alternative earns full marks")
  void alternative() {
    assertEquals(Grade.FULL, name.grade("仲永"));
  }

  @Test
  @DisplayName("a different answer earns nothing")
  void wrong() {
    assertEquals(Grade.ZERO, name.grade("王安石"));
    assertEquals(Grade.ZERO, name.grade("方仲"));
  }

  @Test
  @DisplayName("an empty or blank answer earns nothing")
  void blank() {
    assertEquals(Grade.ZERO, name.grade(""));
    assertEquals(Grade.ZERO, name.grade("   "));
    assertEquals(Grade.ZERO, name.grade("。"));
  }

  @Test
  @DisplayName("no answer or a non-text answer grades 0 without throwing")
  void missingOrMalformed() {
    assertEquals(Grade.ZERO, name.grade(null));
    assertEquals(Optional.empty(), name.checkShape(null));
    assertEquals(Optional.of("应为一段文字"), name.checkShape(new JsonArray().add("方仲永")));
    assertEquals(Grade.ZERO, name.grade(new JsonArray().add("方仲永")));
    assertEquals(Grade.ZERO, name.grade(new JsonObject().put("a", "方仲永")));
  }

  @ParameterizedTest(name = "{0} counts as 方仲永")
  @DisplayName("spacing and surrounding punctuation do not matter")
  @CsvSource(delimiter = '|', value = {"“方仲永”。", "方 仲 永", "  方仲永  ", "「方仲永」", "方仲永！", "（方仲永）",
      "'方仲永'", "方\u3000仲永"})
  void spacesAndPunctuation(String typed) {
    assertEquals(Grade.FULL, name.grade(typed));
  }

  @Test
  @DisplayName("title marks are optional: 平凡的世界 = 《平凡的世界》 = 〈平凡的世界〉")
  void titleMarks() {
    assertEquals(Grade.FULL, book.grade("平凡的世界"));
    assertEquals(Grade.FULL, book.grade("《平凡的世界》"));
    assertEquals(Grade.FULL, book.grade("〈平凡的世界〉"));
    assertEquals(Grade.FULL, new FillIn("平凡的世界", List.of()).grade("《平凡的世界》"));
    assertEquals(Grade.ZERO, book.grade("平凡世界"));
  }

  @Test
  @DisplayName("full-width digits equal half-width: ６４ = 64")
  void fullWidth() {
    assertEquals(Grade.FULL, days.grade("６４"));
  }

  @ParameterizedTest(name = "{0} = 64")
  @DisplayName("Chinese numerals equal digits")
  @CsvSource({"六十四", "六四", "64.0", "“六十四”。"})
  void chineseNumerals(String typed) {
    assertEquals(Grade.FULL, days.grade(typed));
  }

  @Test
  @DisplayName("一百零八 = 108 whichever side writes digits")
  void hundredAndEight() {
    assertEquals(Grade.FULL, count.grade("108"));
    assertEquals(Grade.FULL, count.grade("一百零八"));
    assertEquals(Grade.FULL, new FillIn("108", List.of()).grade("一百零八"));
    assertEquals(Grade.ZERO, count.grade("180"));
  }

  @Test
  @DisplayName("a trailing unit may be added when the answer is a bare number: 64天 = 64")
  void unitAdded() {
    assertEquals(Grade.FULL, days.grade("64天"));
    assertEquals(Grade.FULL, days.grade("六十四天"));
  }

  @Test
  @DisplayName("a unit may be left out when the answer carries it: 64 = 64天, but 64年 ≠ 64天")
  void unitLeftOut() {
    assertEquals(Grade.FULL, daysWithUnit.grade("64"));
    assertEquals(Grade.FULL, daysWithUnit.grade("六十四"));
    assertEquals(Grade.FULL, daysWithUnit.grade("64天"));
    assertEquals(Grade.ZERO, daysWithUnit.grade("64年"));
    assertEquals(Grade.ZERO, daysWithUnit.grade("65天"));
  }

  @Test
  @DisplayName("Latin letters are case-insensitive and spaces ignored")
  void latinCase() {
    assertEquals(Grade.FULL, latin.grade("I HAVE A DREAM"));
    assertEquals(Grade.FULL, latin.grade("ihaveadream"));
    assertEquals(Grade.FULL, latin.grade("Ｉ ｈａｖｅ ａ ｄｒｅａｍ"));
  }

  @Test
  @DisplayName("a JSON number is read as its digits")
  void number() {
    assertEquals(Optional.empty(), days.checkShape(64));
    assertEquals(Grade.FULL, days.grade(64));
    assertEquals(Grade.FULL, days.grade(64.0));
  }

  @Test
  @DisplayName("the key is the answer string; the teacher also sees the alternatives")
  void key() {
    assertEquals("方仲永", name.key());
    assertEquals(new JsonObject().put("answer", "方仲永").put("accept", new JsonArray().add("仲永")),
        name.teacherExtras());
    assertEquals(new JsonObject(), name.studentView());
  }

  @Test
  @DisplayName("an answer that normalises to nothing cannot be built")
  void emptyAnswer() {
    assertThrows(IllegalArgumentException.class, () -> new FillIn("。", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new FillIn("方仲永", List.of(" ")));
    assertTrue(new FillIn("方仲永", List.of()).accept().isEmpty());
  }
}
