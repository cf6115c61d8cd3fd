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

  @Test
  @DisplayName("a teacher's key page shows every question with type, points and the answer in words")
  void teacherSeesReadableKey() {
    HttpResponse<Buffer> res = People.getPage(server, "/readings/pian-05/quiz", teacher);
    assertEquals(200, res.statusCode());
    String page = res.bodyAsString();
    for (String id : new String[] {"gaofenglin-refuses", "harrison-years", "harrison-clocks", "harrison-record",
      "harrison-longitude", "chinese-precision", "people-deeds", "hu-story-order", "hu-irreplaceable"}) {
      block(page, id);
    }
    String years = block(page, "harrison-years");
    assertTrue(years.contains("单选题") && years.contains("1 分"), years);
    assertTrue(years.contains("class=\"correct\"><span class=\"opt-id\">C</span>40余年"), "the right option is marked");
    assertTrue(years.contains("C. 40余年"), "the key names the letter and its text");
    String clocks = block(page, "harrison-clocks");
    assertTrue(clocks.contains("<strong>5 台</strong>") && clocks.contains("须完全相等"), clocks);
    String multiple = block(page, "chinese-precision");
    assertTrue(multiple.contains("A. 在牛皮纸一样薄的钢板上焊接而不出现一丝漏点；C. 把密封精度控制到头发丝的五十分之一；D. 检测手感堪比X光那般精准"));
    String pairs = block(page, "people-deeds");
    assertTrue(pairs.contains("哈里森</td><td class=\"arrow\" aria-hidden=\"true\">→</td><td><span class=\"opt-id\">R1</span>费时40余年，先后造了五台航海钟"), pairs);
    assertTrue(pairs.contains("多余项") && pairs.contains("三年不窥园"), "the distractor is named");
    String order = block(page, "hu-story-order");
    assertTrue(order.indexOf("C919立项") < order.indexOf("生产急需一个特殊零件")
      && order.indexOf("铣钻床进行加工") < order.indexOf("36个孔悉数打造完毕"), "items in the key's order");
    String essay = block(page, "hu-irreplaceable");
    assertTrue(essay.contains("评分要点") && essay.contains("参考答案") && essay.contains("别人难以替代的技术水准"));
    assertTrue(years.contains("解析") && years.contains("工匠精神的代表人物哈里森费时40余年"), "the explanation is shown");
  }

  @Test
  @DisplayName("accepted alternatives of a fill question and true/false keys are spelled out")
  void fillAndTrueFalse() {
    String page = People.getPage(server, "/readings/pian-02/quiz", teacher).bodyAsString();
    String fill = block(page, "luyao-masterpiece");
    assertTrue(fill.contains("<strong>平凡的世界</strong>") && fill.contains("也接受") && fill.contains("《平凡的世界》"), fill);
    String tf = block(People.getPage(server, "/readings/pian-03/quiz", teacher).bodyAsString(), "no-free-lunch");
    assertTrue(tf.contains("<strong>错误</strong>"), tf);
  }

  @Test
  @DisplayName("each evidence quote links to its paragraph of the reading, and that page highlights the quote there")
  void evidenceLinks() {
    String page = People.getPage(server, "/readings/pian-05/quiz", teacher).bodyAsString();
    Matcher m = Pattern.compile("href=\"(/readings/pian-05\\?p=(\\d+)&amp;hl=([^\"#]+)#p(\\d+))\"")
      .matcher(block(page, "harrison-record"));
    assertTrue(m.find(), "an evidence link");
    assertEquals(m.group(2), m.group(4));
    assertEquals("创造了航行了64天，只慢了5秒的记录", URLDecoder.decode(m.group(3), StandardCharsets.UTF_8));
    String href = m.group(1).replace("&amp;", "&");
    String reading = People.getPage(server, href.substring(0, href.indexOf('#')), teacher).bodyAsString();
    assertTrue(reading.contains("class=\"para has-evidence\" id=\"p" + m.group(2) + "\""), "the paragraph is marked");
    assertTrue(reading.contains("<mark class=\"evidence\">创造了航行了64天，只慢了5秒的记录</mark>"), "the quote is highlighted");
  }

  @Test
  @DisplayName("a student is refused the key page with 403 and sees no answer")
  void studentRefused() {
    HttpResponse<Buffer> res = People.getPage(server, "/readings/pian-05/quiz", student);
    assertEquals(403, res.statusCode());
    assertFalse(res.bodyAsString().contains("40余年"));
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
