package com.jiangxin.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadingPagesTest {
  private static final Pattern BLOCK = Pattern.compile("<(p|h2) class=\"[^\"]*\" id=\"p(\\d+)\">(.*?)</\\1>");
  private static final Pattern EVIDENCE = Pattern.compile("<mark class=\"(?:ex )?evidence\"[^>]*>([^<]*)</mark>");

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String page(String path) {
    HttpResponse<Buffer> res = server.get(path);
    assertEquals(200, res.statusCode(), path);
    assertTrue(res.getHeader("Content-Type").startsWith("text/html"), res.getHeader("Content-Type"));
    return res.bodyAsString();
  }

  /** Paragraph number → its inner HTML, in page order. */
  private static Map<Integer, String> blocks(String html) {
    Map<Integer, String> out = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(html);
    while (m.find()) {
      out.put(Integer.parseInt(m.group(2)), m.group(3));
    }
    return out;
  }

  private static List<String> evidence(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = EVIDENCE.matcher(html);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the home page leads with 路遥, 方仲永 and 哈里森, then lists the nine readings in 篇 order with first lines and examples")
  void homeListsReadingsInOrder() {
    String html = page("/");

    int showcase = html.indexOf("class=\"showcase\"");
    int list = html.indexOf("class=\"readings\"");
    assertTrue(showcase > 0 && list > showcase, "the showcase comes before the list of readings");
    String cards = html.substring(showcase, list);
    int luyao = cards.indexOf(">路遥</a>");
    int fang = cards.indexOf(">方仲永</a>");
    int harrison = cards.indexOf(">哈里森</a>");
    assertTrue(luyao > 0 && fang > luyao && harrison > fang, cards);
    assertTrue(cards.contains("篇五 · 工匠精神：热爱与精益求精 · 第3段"), cards);

    List<String> links = new ArrayList<>();
    Matcher m = Pattern.compile("class=\"reading-link\" href=\"/readings/(pian-\\d\\d)\"").matcher(html);
    while (m.find()) {
      links.add(m.group(1));
    }
    assertEquals(ReadingApiTest.IDS, links);
    String items = html.substring(list);
    assertEquals(9, items.split("class=\"teaser\">[^<]{20,}").length - 1, "every reading shows its first lines");
    assertTrue(items.contains("<span class=\"pian\">篇一</span>"));
    assertTrue(items.contains("<span class=\"reading-title\">工匠乃精雕细琢之人</span>"));
    assertTrue(items.contains("<li class=\"chip\">哈雷戴维森</li>"), "examples are listed");
  }

  @Test
  @DisplayName("a showcase card opens its reading with the cited sentence marked as evidence")
  void showcaseCardLinksToMarkedSentence() {
    String html = page("/");
    Matcher m = Pattern.compile("<h3><a href=\"([^\"]+)\">哈里森</a></h3>").matcher(html);
    assertTrue(m.find(), "哈里森 card");
    String href = m.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
    assertTrue(href.startsWith("/readings/pian-05?p=3&hl="), href);
    assertTrue(href.endsWith("#p3"), href);

    String reading = page(href.substring(0, href.indexOf('#')));

    String marked = String.join("", evidence(blocks(reading).get(3)));
    assertEquals("工匠精神的代表人物哈里森费时40余年，先后造了五台航海钟，最后一个钟，创造了航行了64天，"
      + "只慢了5秒的记录，从而完美解决了航海经度定位问题。", marked);
    assertEquals(marked, String.join("", evidence(reading)), "only paragraph 3 is marked");
  }

  @Test
  @DisplayName("a reading page shows its title, numbered paragraphs with #pN anchors and its cited examples marked")
  void readingPageHasAnchorsAndExamples() {
    String html = page("/readings/pian-05");

    assertTrue(html.contains("<h1>工匠精神：热爱与精益求精</h1>"));
    assertTrue(html.contains("<title>篇五 · 工匠精神：热爱与精益求精 · 匠心课堂</title>"));
    Map<Integer, String> blocks = blocks(html);
    assertEquals(20, blocks.size());
    assertEquals(List.of(1, 2, 3), blocks.keySet().stream().limit(3).toList());
    assertTrue(html.contains("id=\"p12\""));
    assertTrue(blocks.get(12).startsWith("<a class=\"pn\" href=\"#p12\" aria-label=\"第12段\">12</a>"), blocks.get(12));
    assertTrue(html.contains("<h2 class=\"para heading\" id=\"p1\">"), "section headings are headings");
    assertTrue(blocks.get(3).contains("<mark class=\"ex\" data-example=\"哈里森\">哈里森</mark>"), blocks.get(3));
    assertTrue(blocks.get(3).contains("<mark class=\"ex\" data-example=\"哈里森\">航海钟</mark>"), blocks.get(3));
    assertTrue(blocks.get(6).contains("<mark class=\"ex\" data-example=\"胡双钱\">胡双钱</mark>"), blocks.get(6));
    assertTrue(html.contains("<a href=\"/examples#哈里森\" title=\"哈里森：所有出处和题目\">哈里森</a> <a class=\"chip-jump\" href=\"#p3\""),
      "the example list links to the examples index and to where it is cited");
    assertTrue(evidence(html).isEmpty(), "nothing is marked as evidence without ?hl=");
    assertFalse(html.contains("回到标出的句子"));
  }

  @Test
  @DisplayName("?p=N&hl=QUOTE marks the quote as evidence inside paragraph N only, even where the quote recurs")
  void highlightsOnlyInsideParagraphN() {
    String html = page("/readings/pian-05?p=7&hl=" + enc("胡双钱"));

    Map<Integer, String> blocks = blocks(html);
    assertEquals(List.of("胡双钱"), evidence(blocks.get(7)));
    assertTrue(blocks.get(6).contains("胡双钱") && evidence(blocks.get(6)).isEmpty(), "paragraph 6 names him too but is not marked");
    assertEquals(List.of("胡双钱"), evidence(html), "nothing outside paragraph 7 is marked");
    assertTrue(html.contains("class=\"para has-evidence\" id=\"p7\""));
    assertTrue(html.contains("<a href=\"#p7\">回到标出的句子</a>"));
  }

  @Test
  @DisplayName("a quote that is not in paragraph N marks nothing and offers no link to a marked sentence")
  void quoteNotInParagraphMarksNothing() {
    String html = page("/readings/pian-05?p=4&hl=" + enc("哈里森费时40余年"));

    assertTrue(evidence(html).isEmpty(), evidence(html).toString());
    assertFalse(html.contains("has-evidence"));
    assertFalse(html.contains("回到标出的句子"));
  }

  @Test
  @DisplayName("a hostile hl or p is escaped and ignored, never reflected as markup")
  void hostileHighlightIsEscaped() {
    String attack = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
    String html = page("/readings/pian-02?p=abc&hl=" + enc(attack));
    assertFalse(html.contains("<script>alert"), "script reflected");
    assertFalse(html.contains("onerror=alert"), "attribute injection reflected");
    assertTrue(evidence(html).isEmpty());

    String html2 = page("/readings/pian-02?p=4&hl=" + enc(attack));
    assertFalse(html2.contains("<script>alert"));
    assertFalse(html2.contains("<img src=x"));
  }

  @Test
  @DisplayName("an unknown reading gets a 404 page that links back home")
  void unknownReadingIs404Page() {
    HttpResponse<Buffer> res = server.get("/readings/pian-99");

    assertEquals(404, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("text/html"), res.getHeader("Content-Type"));
    String html = res.bodyAsString();
    assertTrue(html.contains("找不到页面"), html);
    assertTrue(html.contains("没有这篇文章：pian-99"), html);
    assertTrue(html.contains("<a class=\"button\" href=\"/\">回到首页</a>"), html);
  }

  @Test
  @DisplayName("an unknown reading id with markup in it is escaped on the 404 page")
  void unknownReadingIdIsEscaped() {
    HttpResponse<Buffer> res = server.get("/readings/" + enc("<b>x</b>").replace("+", "%20"));

    assertEquals(404, res.statusCode());
    assertFalse(res.bodyAsString().contains("<b>x</b>"));
  }

  @Test
  @DisplayName("pages, static files and 404 pages all carry the security headers")
  void securityHeadersOnPages() {
    for (String path : List.of("/", "/readings/pian-01", "/static/css/app.css", "/readings/pian-99", "/no/such/page")) {
      SecurityHeadersAssert.present(server.get(path), path);
    }
  }

  @Test
  @DisplayName("the stylesheet is served and names a Chinese font stack and a print style")
  void stylesheetHasCjkFontsAndPrint() {
    HttpResponse<Buffer> res = server.get("/static/css/app.css");

    assertEquals(200, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("text/css"), res.getHeader("Content-Type"));
    String css = res.bodyAsString();
    assertTrue(css.contains("\"Noto Sans CJK SC\"") && css.contains("\"WenQuanYi Micro Hei\""), "CJK font stack");
    assertTrue(css.contains("@media print"), "print style");
  }

  @Test
  @DisplayName("?size=large switches a reading to the projector style and offers the way back")
  void largeSize() {
    String html = page("/readings/pian-02?size=large");

    assertTrue(Pattern.compile("<body class=\"[^\"]*\\blarge\\b").matcher(html).find(), "body is large");
    assertTrue(html.contains("标准字号"));
  }
}
