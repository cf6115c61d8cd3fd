package com.jiangxin.discussion;

import com.jiangxin.web.HttpError;

import java.util.List;

/**
 * What a post may say: plain text of 1 to {@value #MAX_BODY} characters, with line breaks. Text is
 * stored as typed (minus invisible control and direction-override characters) and escaped only
 * when shown; links stay text.
 */
final class PostText {
  static final int MAX_BODY = 2000;
  static final int MAX_QUOTE = 300;
  static final int MAX_TITLE = 60;
  static final int MAX_PROMPT = 1000;
  static final int MAX_REASON = 200;

  private PostText() {
  }

  /** The body to store, or a 400 that says what is wrong. */
  static String body(String raw) {
    String text = clean(raw, true);
    if (text.isEmpty()) {
      throw HttpError.badRequest("发言不能是空的：请写 1 到 " + MAX_BODY + " 个字。");
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_BODY) {
      throw HttpError.badRequest("发言太长了：最多 " + MAX_BODY + " 个字，现在有 " + length + " 个字。");
    }
    return text;
  }

  /** A one-line field (title, reason) of 1 to max characters. */
  static String line(String raw, int max, String what) {
    String text = clean(raw, false);
    if (text.isEmpty()) {
      throw HttpError.badRequest("请填写" + what + "。");
    }
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      throw HttpError.badRequest(what + "最多 " + max + " 个字，现在有 " + length + " 个字。");
    }
    return text;
  }

  /** A prompt: like a body, with its own limit. */
  static String prompt(String raw) {
    String text = clean(raw, true);
    if (text.isEmpty()) {
      throw HttpError.badRequest("请写下讨论题。");
    }
    int length = text.codePointCount(0, text.length());
    if (length > MAX_PROMPT) {
      throw HttpError.badRequest("讨论题最多 " + MAX_PROMPT + " 个字，现在有 " + length + " 个字。");
    }
    return text;
  }

  /**
   * Unifies line breaks, drops control characters (but tabs and, if allowed, line breaks) and the
   * invisible direction overrides that can disguise text, trims, and keeps at most one blank line in a row.
   */
  static String clean(String raw, boolean multiline) {
    if (raw == null) {
      return "";
    }
    String s = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c == '\n') {
        out.append(multiline ? '\n' : ' ');
      } else if (c == '\t') {
        out.append(' ');
      } else if (!Character.isISOControl(c) && !isDirectionControl(c) && c != 0xFEFF) {
        out.appendCodePoint(c);
      }
    });
    String text = out.toString().strip();
    return multiline ? text.replaceAll("[ \\u3000]+\\n", "\n").replaceAll("\\n{3,}", "\n\n") : text;
  }

  private static boolean isDirectionControl(int c) {
    return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F;
  }

  /** The lines to show, one {@code {{this}}} each with a {@code <br>} between them. */
  static List<String> lines(String body) {
    return List.of(body.split("\n", -1));
  }
}
