package com.jiangxin.discussion;

import com.jiangxin.web.HttpError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostTextTest {

  @Test
  @DisplayName("a body keeps its text and line breaks, loses invisible controls, and keeps at most one blank line")
  void cleaning() {
    assertEquals("第一行\n第二行", PostText.body("  第一行\r\n第二行 \n\n"));
    assertEquals("甲\n\n乙", PostText.body("甲\n\n\n\n乙"));
    assertEquals("abc", PostText.body("a\u202Eb\u0000c\u200F"), "direction overrides and NUL are dropped");
    assertEquals("<script>alert(1)</script>", PostText.body("<script>alert(1)</script>"), "markup is kept as typed: escaping happens when shown");
    assertEquals(List.of("一", "", "二"), PostText.lines("一\n\n二"));
  }

  @Test
  @DisplayName("length counts characters, not bytes or UTF-16 units: 2000 emoji are fine, 2001 are not")
  void length() {
    String emoji = "\uD83D\uDE00";
    assertEquals(2000, PostText.body(emoji.repeat(2000)).codePointCount(0, 4000));
    HttpError e = assertThrows(HttpError.class, () -> PostText.body(emoji.repeat(2001)));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().contains("现在有 2001 个字"));
    assertThrows(HttpError.class, () -> PostText.body("\u202E\u0007"), "only invisible characters is empty");
  }

  @Test
  @DisplayName("a paragraph splits into sentences at 。！？； keeping closing quotes with their sentence")
  void sentences() {
    assertEquals(List.of("他说：“好！”", "我们走吧。", "为什么？", "没有结尾"),
      PostViews.sentences("他说：“好！”我们走吧。为什么？没有结尾"));
  }
}
