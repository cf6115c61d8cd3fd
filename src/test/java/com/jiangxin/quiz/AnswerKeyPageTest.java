package com.jiangxin.quiz;

import com.jiangxin.support.People;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerKeyPageTest {
  private static TestServer server;
  private static String teacher;
  private static String student;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = People.session(server, People.register(server, "teacher"));
    student = People.session(server, People.register(server, "student"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The HTML of one question's block on the key page. */
  private static String block(String page, String questionId) {
    int start = page.indexOf("id=\"q-" + questionId + "\"");
    assertTrue(start >= 0, "no block for " + questionId);
    int end = page.indexOf("class=\"key-q\"", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }

  /** Questions of the built-in quizzes, found by kind rather than by id. */
  private static final Quiz PIAN05 = com.jiangxin.support.BuiltInBank.quiz("pian-05");
  private static final Question SINGLE = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", SingleChoice.class);
  private static final Question CLOCKS = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", Numeric.class);

  private static String keyList(Question q) {
    MultipleChoice m = (MultipleChoice) q.type();
    return String.join("；", m.answer().stream()
      .map(id -> id + ". " + com.jiangxin.support.BuiltInBank.text(m.options(), id)).toList());
  }

  @Test
  @DisplayName("a teacher's key page shows every question with type, points and the answer in words")
  void teacherSeesReadableKey() {
    HttpResponse<Buffer> res = People.getPage(server, "/readings/pian-05/quiz", teacher);
    assertEquals(200, res.statusCode());
    String page = res.bodyAsString();
    for (Question q : PIAN05.questions()) {
      block(page, q.id());
    }
    String single = block(page, SINGLE.id());
    String letter = ((SingleChoice) SINGLE.type()).answer();
    String keyText = com.jiangxin.support.BuiltInBank.keyText(SINGLE);
    assertTrue(single.contains("单选题") && single.contains("1 分"), single);
    assertTrue(single.contains("class=\"correct\"><span class=\"opt-id\">" + letter + "</span>" + keyText),
      "the right option is marked");
    assertTrue(single.contains(letter + ". " + keyText), "the key names the letter and its text");
    String clocks = block(page, CLOCKS.id());
    Numeric n = (Numeric) CLOCKS.type();
    assertTrue(clocks.contains("<strong>" + n.answer().toPlainString() + " " + n.unit() + "</strong>")
      && clocks.contains("须完全相等"), clocks);
    Question multipleQ = com.jiangxin.support.BuiltInBank.first("pian-05", MultipleChoice.class);
    assertTrue(block(page, multipleQ.id()).contains(keyList(multipleQ)), keyList(multipleQ));
    Question orderQ = com.jiangxin.support.BuiltInBank.first("pian-05", Ordering.class);
    Ordering o = (Ordering) orderQ.type();
    String order = block(page, orderQ.id());
    int at = -1;
    for (String id : o.answer()) {
      int next = order.indexOf(com.jiangxin.support.BuiltInBank.text(o.items(), id), at + 1);
      assertTrue(next > at, "items in the key's order: " + id);
      at = next;
    }
    String essay = block(page, com.jiangxin.support.BuiltInBank.first("pian-05", ShortAnswer.class).id());
    assertTrue(essay.contains("评分要点") && essay.contains("参考答案") && essay.contains("别人难以替代的技术水准"));
    assertTrue(single.contains("解析") && single.contains(SINGLE.explanation()), "the explanation is shown");
  }

  @Test
  @DisplayName("a matching key shows each pair and names the distractor on the right")
  void matchingPairs() {
    String page = People.getPage(server, "/readings/pian-02/quiz", teacher).bodyAsString();
    Question q = com.jiangxin.support.BuiltInBank.first("pian-02", Matching.class);
    Matching m = (Matching) q.type();
    String pairs = block(page, q.id());
    m.answer().forEach((left, right) -> assertTrue(pairs.contains(com.jiangxin.support.BuiltInBank.text(m.left(), left)
      + "</td><td class=\"arrow\" aria-hidden=\"true\">→</td><td><span class=\"opt-id\">" + right + "</span>"
      + com.jiangxin.support.BuiltInBank.text(m.right(), right)), left + "=" + right + " in " + pairs));
    Choice extra = m.right().stream().filter(r -> !m.answer().containsValue(r.id())).findFirst().orElseThrow();
    assertTrue(pairs.contains("多余项") && pairs.contains(extra.text()), "the distractor is named");
  }

  @Test
  @DisplayName("accepted alternatives of a fill question and true/false keys are spelled out")
  void fillAndTrueFalse() {
    String page = People.getPage(server, "/readings/pian-02/quiz", teacher).bodyAsString();
    String fill = block(page, com.jiangxin.support.BuiltInBank.first("pian-02", "路遥", FillIn.class).id());
    assertTrue(fill.contains("<strong>平凡的世界</strong>") && fill.contains("也接受") && fill.contains("《平凡的世界》"), fill);
    Question no = com.jiangxin.support.BuiltInBank.quiz("pian-03").questions().stream()
      .filter(q -> q.type() instanceof TrueFalse t && !t.answer()).findFirst().orElseThrow();
    String tf = block(People.getPage(server, "/readings/pian-03/quiz", teacher).bodyAsString(), no.id());
    assertTrue(tf.contains("<strong>错误</strong>"), tf);
  }

  @Test
  @DisplayName("each evidence quote links to its paragraph of the reading, and that page highlights the quote there")
  void evidenceLinks() {
    String page = People.getPage(server, "/readings/pian-05/quiz", teacher).bodyAsString();
    Question record = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", TrueFalse.class);
    Matcher m = Pattern.compile("href=\"(/readings/pian-05\\?p=(\\d+)&amp;hl=([^\"#]+)#p(\\d+))\"")
      .matcher(block(page, record.id()));
    assertTrue(m.find(), "an evidence link");
    assertEquals(m.group(2), m.group(4));
    assertEquals(record.evidence(), URLDecoder.decode(m.group(3), StandardCharsets.UTF_8));
    String href = m.group(1).replace("&amp;", "&");
    String reading = People.getPage(server, href.substring(0, href.indexOf('#')), teacher).bodyAsString();
    assertTrue(reading.contains("class=\"para has-evidence\" id=\"p" + m.group(2) + "\""), "the paragraph is marked");
    assertTrue(reading.contains("<mark class=\"evidence\">" + record.evidence() + "</mark>"), "the quote is highlighted");
  }

  @Test
  @DisplayName("a student is refused the key page with 403 and sees no answer")
  void studentRefused() {
    HttpResponse<Buffer> res = People.getPage(server, "/readings/pian-05/quiz", student);
    assertEquals(403, res.statusCode());
    assertFalse(res.bodyAsString().contains(com.jiangxin.support.BuiltInBank.keyText(SINGLE)));
    assertFalse(res.bodyAsString().contains("key-label"));
  }

  @Test
  @DisplayName("a visitor who is not signed in is sent to the login page, and back to the key page afterwards")
  void anonymousToLogin() {
    HttpResponse<Buffer> res = People.getPage(server, "/readings/pian-05/quiz", null);
    assertEquals(303, res.statusCode());
    assertEquals("/login?next=%2Freadings%2Fpian-05%2Fquiz", res.getHeader("Location"));
  }

  @Test
  @DisplayName("the key page of an unknown reading is a 404")
  void unknownReading() {
    assertEquals(404, People.getPage(server, "/readings/pian-42/quiz", teacher).statusCode());
  }
}
