package com.jiangxin.reading;

import com.jiangxin.content.Content;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.QuestionRef;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.support.People;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExamplesIndexTest {
  private static TestServer server;
  private static List<Reading> readings;
  private static QuizBank bank;
  private static JsonArray index;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    readings = Content.loadReadings(Path.of("quizzes"));
    bank = QuizBank.load(Path.of("quizzes"), readings);
    index = server.get("/api/v1/examples").bodyAsJsonArray();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject entry(String name) {
    for (int i = 0; i < index.size(); i++) {
      if (name.equals(index.getJsonObject(i).getString("example"))) {
        return index.getJsonObject(i);
      }
    }
    throw new AssertionError("no example " + name);
  }

  private static Reading reading(String id) {
    return readings.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("the examples API lists every example of every reading once, in reading order, with where it is cited and its questions")
  void listsEveryExample() {
    Set<String> expected = new LinkedHashSet<>();
    readings.forEach(r -> r.examples().forEach(e -> expected.add(e.name())));
    List<String> listed = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      JsonObject e = index.getJsonObject(i);
      String name = e.getString("example");
      listed.add(name);
      JsonArray cited = e.getJsonArray("readings");
      assertFalse(cited.isEmpty(), name + " has no reading");
      for (int j = 0; j < cited.size(); j++) {
        JsonObject c = cited.getJsonObject(j);
        String text = reading(c.getString("id")).paragraph(c.getInteger("paragraph")).orElseThrow().text();
        assertTrue(text.contains(c.getString("sentence")), name + ": the sentence is in the cited paragraph");
      }
      JsonArray questions = e.getJsonArray("questions");
      assertFalse(questions.isEmpty(), name + " has no question");
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < questions.size(); j++) {
        JsonObject q = questions.getJsonObject(j);
        ids.add(q.getString("readingId") + "/" + q.getString("questionId"));
        assertFalse(q.getString("prompt").isBlank());
      }
      assertEquals(bank.forExample(name).stream().map(r -> r.readingId() + "/" + r.questionId()).toList(), ids, name);
    }
    assertEquals(List.copyOf(expected), listed);
    assertEquals(35, listed.size(), "the 35 examples of cited-examples.md");
  }

  @Test
  @DisplayName("哈里森 leads to 篇五, to the sentence about his 航海钟, and to the questions about him")
  void harrison() {
    JsonObject harrison = entry("哈里森");
    JsonArray cited = harrison.getJsonArray("readings");
    assertEquals(1, cited.size());
    assertEquals("pian-05", cited.getJsonObject(0).getString("id"));
    assertTrue(cited.getJsonObject(0).getString("sentence").contains("航海钟"));
    List<String> questions = new ArrayList<>();
    harrison.getJsonArray("questions").forEach(q -> questions.add(((JsonObject) q).getString("questionId")));
    assertEquals(bank.forExample("哈里森").stream().map(QuestionRef::questionId).toList(), questions);
    assertTrue(questions.size() >= 4, "哈里森 is asked about from several sides: " + questions);
    harrison.getJsonArray("questions").forEach(q -> assertEquals("pian-05", ((JsonObject) q).getString("readingId")));
  }

  @Test
  @DisplayName("an example cited by two readings lists both: 牛皮纸钢板与头发丝精度 in 篇四 and 篇五")
  void citedTwice() {
    JsonObject e = entry("牛皮纸钢板与头发丝精度");
    List<String> ids = new ArrayList<>();
    e.getJsonArray("readings").forEach(r -> ids.add(((JsonObject) r).getString("id")));
    assertEquals(List.of("pian-04", "pian-05"), ids);
    Set<String> quizReadings = new LinkedHashSet<>();
    e.getJsonArray("questions").forEach(q -> quizReadings.add(((JsonObject) q).getString("readingId")));
    assertEquals(Set.of("pian-04", "pian-05"), quizReadings);
  }

  @Test
  @DisplayName("the examples page gives each example an anchor named after it, showcase first: 路遥, 方仲永, 哈里森")
  void pageAnchors() {
    String page = server.get("/examples").bodyAsString();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < index.size(); i++) {
      String name = index.getJsonObject(i).getString("example");
      String anchor = "<section class=\"example\" id=\"" + escape(name) + "\">";
      int first = page.indexOf(anchor);
      assertTrue(first >= 0, "no anchor for " + name);
      assertEquals(first, page.lastIndexOf(anchor), name + " appears once");
      at.add(first);
    }
    int luyao = page.indexOf("<section class=\"example\" id=\"路遥\"");
    int fang = page.indexOf("<section class=\"example\" id=\"方仲永\"");
    int harrison = page.indexOf("<section class=\"example\" id=\"哈里森\"");
    assertTrue(luyao < fang && fang < harrison, "the showcase in its order");
    at.forEach(a -> assertTrue(a >= luyao, "the showcase leads"));
  }

  @Test
  @DisplayName("on the page, 哈里森's section quotes the 航海钟 sentence, links to its paragraph and lists his questions' prompts")
  void harrisonSection() {
    String page = server.get("/examples").bodyAsString();
    String section = section(page, "哈里森");
    JsonObject cited = entry("哈里森").getJsonArray("readings").getJsonObject(0);
    assertTrue(section.contains("href=\"/readings/pian-05#p" + cited.getInteger("paragraph") + "\""), section);
    assertTrue(section.contains(cited.getString("sentence")));
    for (QuestionRef ref : bank.forExample("哈里森")) {
      assertTrue(section.contains(ref.question().prompt()), ref.questionId());
    }
    assertFalse(section.contains("答案"), "no key for a visitor");
  }

  @Test
  @DisplayName("every example chip on every reading page leads to an anchor of the examples page")
  void chipsResolve() {
    String page = server.get("/examples").bodyAsString();
    Pattern chip = Pattern.compile("href=\"/examples#([^\"]+)\"");
    for (Reading r : readings) {
      Matcher m = chip.matcher(server.get("/readings/" + r.id()).bodyAsString());
      int chips = 0;
      while (m.find()) {
        chips++;
        assertTrue(page.contains("id=\"" + m.group(1) + "\""), r.id() + ": chip " + m.group(1));
      }
      assertEquals(r.examples().size(), chips, r.id());
      for (CitedExample e : r.examples()) {
        assertTrue(page.contains("id=\"" + escape(e.name()) + "\""), e.name());
      }
    }
  }

  @Test
  @DisplayName("a teacher sees each question's key on the examples page, with a link to the answer page")
  void teacherSeesKeys() {
    String sid = People.session(server, People.register(server, "teacher"));
    String section = section(People.getPage(server, "/examples", sid).bodyAsString(), "哈里森");
    QuestionRef single = bank.forExample("哈里森").stream()
      .filter(r -> r.question().type() instanceof SingleChoice).findFirst().orElseThrow();
    SingleChoice choice = (SingleChoice) single.question().type();
    String key = choice.options().stream().filter(o -> o.id().equals(choice.answer())).findFirst().orElseThrow().text();
    assertTrue(section.contains(choice.answer() + ". " + key), section);
    assertTrue(section.contains("href=\"/readings/pian-05/quiz#q-" + single.questionId() + "\""));
  }

  private static String section(String page, String name) {
    int start = page.indexOf("<section class=\"example\" id=\"" + escape(name) + "\">");
    assertTrue(start >= 0, name);
    return page.substring(start, page.indexOf("</section>", start));
  }

  /** How Handlebars writes a name into an attribute. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#x27;").replace("=", "&#x3D;")
      .replace("<", "&lt;").replace(">", "&gt;").replace("`", "&#x60;");
  }
}
