package com.jiangxin.classroom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JoinCodesTest {

  @Test
  @DisplayName("the join code alphabet has no 0, O, 1, I or L, which are confused when read aloud")
  void alphabetHasNoLookalikes() {
    for (char c : "0O1IL".toCharArray()) {
      assertFalse(JoinCodes.ALPHABET.indexOf(c) >= 0, "alphabet contains " + c);
    }
    assertEquals(31, JoinCodes.ALPHABET.length());
  }

  @Test
  @DisplayName("generated codes are six characters from the alphabet and practically never repeat")
  void generatedCodes() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String code = JoinCodes.generate();
      assertEquals(6, code.length());
      assertTrue(JoinCodes.wellFormed(code), code);
      seen.add(code);
    }
    assertTrue(seen.size() > 1990, "codes repeat too often: " + seen.size());
  }

  @ParameterizedTest(name = "\"{0}\" is read as {1}")
  @CsvSource(delimiter = '|', value = {
    "abc234|ABC234",
    "  Abc 234 |ABC234",
    "abc-234|ABC234",
    "ａｂｃ　２３４|ABC234",
    "ABC—234|ABC234",
  })
  @DisplayName("typed codes ignore case, spaces, dashes and full-width forms")
  void normalise(String typed, String expected) {
    assertEquals(expected, JoinCodes.normalise(typed));
  }

  @Test
  @DisplayName("codes of the wrong length or with look-alike characters are not well formed")
  void wellFormed() {
    assertFalse(JoinCodes.wellFormed("ABC23"));
    assertFalse(JoinCodes.wellFormed("ABC2345"));
    assertFalse(JoinCodes.wellFormed("ABC0DE"));
    assertFalse(JoinCodes.wellFormed("ABCIDE"));
    assertTrue(JoinCodes.wellFormed("ABC234"));
  }
}
