package com.jiangxin.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTextTest {

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("Chinese numerals become digits")
  @CsvSource({
      "六十四, 64",
      "两百, 200",
      "一百零八, 108",
      "十五, 15",
      "十, 10",
      "〇, 0",
      "零, 0",
      "二〇二三, 2023",
      "一千零五十, 1050",
      "两万三千, 23000",
      "十二万三千四百五十六, 123456",
      "一亿二千万, 120000000",
      "1.5万, 15000",
      "3千5百, 3500",
      "六十四天, 64天",
      "第三段, 第3段"})
  void numerals(String chinese, String digits) {
    assertEquals(digits, AnswerText.numeralsToDigits(chinese));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("normalisation: width, spaces, case, title marks, surrounding punctuation, separators")
  @CsvSource(delimiter = '|', value = {
      "６４|64",
      "  方 仲 永 |方仲永",
      "“方仲永”。|方仲永",
      "《平凡的世界》|平凡的世界",
      "路遥的《平凡的世界》|路遥的平凡的世界",
      "I Have A Dream|ihaveadream",
      "ＡＢＣ|abc",
      "5,300人|5300人",
      "民生在勤，勤则不匮|民生在勤,勤则不匮",
      "【答案】方仲永……|答案】方仲永",
      ".5|.5"})
  void normalize(String typed, String normalised) {
    assertEquals(normalised, AnswerText.normalize(typed));
  }

  @Test
  @DisplayName("units: either side may leave the unit out, but two different units never match")
  void units() {
    assertTrue(AnswerText.matches("64", "64天"));
    assertTrue(AnswerText.matches("64天", "64"));
    assertTrue(AnswerText.matches("4200人", "四千二百"));
    assertFalse(AnswerText.matches("64天", "64年"));
    assertFalse(AnswerText.matches("一屋不扫", "一"));
  }

  @Test
  @DisplayName("numbers: digits, full-width, Chinese numerals, signs and the question's own unit")
  void numbers() {
    assertEquals(Optional.of(new BigDecimal("64")), AnswerText.number("64", "天"));
    assertEquals(Optional.of(new BigDecimal("64")), AnswerText.number("６４天", "天"));
    assertEquals(Optional.of(new BigDecimal("64")), AnswerText.number("六十四 天", "天"));
    assertEquals(Optional.of(new BigDecimal("-5")), AnswerText.number("负五", null));
    assertEquals(Optional.of(new BigDecimal("3.5")), AnswerText.number("3.5", null));
    assertEquals(Optional.of(new BigDecimal("5")), AnswerText.number("5千米", "千米"));
    assertEquals(Optional.of(new BigDecimal("5300")), AnswerText.number("5,300", ""));
    assertEquals(Optional.empty(), AnswerText.number("64年", "天"));
    assertEquals(Optional.empty(), AnswerText.number("64天", null));
    assertEquals(Optional.empty(), AnswerText.number("大约六十", "天"));
    assertEquals(Optional.empty(), AnswerText.number("", "天"));
  }
}
