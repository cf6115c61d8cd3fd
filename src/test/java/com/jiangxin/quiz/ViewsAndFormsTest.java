package com.jiangxin.quiz;

import static com.jiangxin.quiz.Fixtures.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewsAndFormsTest {
  final Quiz quiz = Fixtures.pian02Quiz();

  Question q(String id) {
    return quiz.question(id).orElseThrow();
  }

  @ParameterizedTest(name = "the student view has no \"{0}\" field")
  @DisplayName("the student view never carries keys, alternatives, rubrics, tolerances, explanations or evidence")
  @ValueSource(strings = {"\"answer\"", "\"accept\"", "\"rubric\"", "\"tolerance\"", "\"explanation\"",
      "\"evidence\":", "\"paragraph\"", "\"example\""})
  void noSecretFields(String field) {
    String json = quiz.studentView().encode();
    assertFalse(json.contains(field), json);
    assertTrue(quiz.teacherView().encode().contains(field), "the teacher view does carry " + field);
  }

  @Test
  @DisplayName("the student view carries none of the secret texts, and the teacher view all of them")
  void noSecretTexts() {
    String student = quiz.studentView().encode();
    String teacher = quiz.teacherView().encode();
    for (String secret : List.of("解析", "\"仲永\"", "方仲永同学", "提到勤奋", "带病坚持", "只有勤奋才能成功",
        "\"L1\":\"R1\"", "[\"I2\",\"I1\",\"I3\"]", "[\"A\",\"B\"]")) {
      assertFalse(student.contains(secret), secret + " leaked into " + student);
    }
    for (String secret : List.of("解析", "\"仲永\"", "方仲永同学", "提到勤奋（1分）、\\n带病坚持", "只有勤奋才能成功",
        "\"L1\":\"R1\"", "[\"I2\",\"I1\",\"I3\"]", "[\"A\",\"B\"]", "\"tolerance\":0")) {
      assertTrue(teacher.contains(secret), secret + " missing from " + teacher);
    }
  }

  @Test
  @DisplayName("the student view gives what is needed to answer: prompt, points, options, columns, items, unit")
  void studentViewContent() {
    JsonObject single = q("luyao-illness").studentView();
    assertEquals("single", single.getString("type"));
    assertEquals(2, single.getValue("points"));
    assertEquals(new JsonObject().put("id", "B").put("text", "深入农村煤窝，与煤矿工人同吃同住"),
        single.getJsonArray("options").getJsonObject(1));
    assertEquals("岁", q("fang-age").studentView().getString("unit"));
    assertEquals(3, q("fang-story").studentView().getJsonArray("items").size());
    assertEquals(3, q("who-did-what").studentView().getJsonArray("right").size());
    assertEquals(11, quiz.studentView().getValue("points"));
  }

  @Test
  @DisplayName("single, fill and short read q.<qid>; blank gives null")
  void textFields() {
    assertEquals("B", q("luyao-illness").fromForm(form("q.luyao-illness", "B")));
    assertEquals("方仲永", q("fang-name").fromForm(form("q.fang-name", "  方仲永 ")));
    assertEquals("勤奋", q("luyao-lesson").fromForm(form("q.luyao-lesson", "勤奋")));
    assertNull(q("fang-name").fromForm(form("q.fang-name", "   ")));
    assertNull(q("luyao-illness").fromForm(form()));
    assertNull(q("luyao-lesson").fromForm(form(Map.of("q.luyao-lesson", List.of()))));
  }

  @Test
  @DisplayName("multiple reads every ticked q.<qid> into an array; nothing ticked gives null")
  void multiple() {
    assertEquals(new JsonArray().add("A").add("B"),
        q("luyao-facts").fromForm(form("q.luyao-facts", "A", "q.luyao-facts", "B")));
    assertNull(q("luyao-facts").fromForm(form()));
  }

  @Test
  @DisplayName("truefalse turns \"true\"/\"false\" into booleans and passes anything else on to fail the shape check")
  void trueFalse() {
    Question tf = q("zhaopu-diligent");
    assertEquals(Boolean.TRUE, tf.fromForm(form("q.zhaopu-diligent", "true")));
    assertEquals(Boolean.FALSE, tf.fromForm(form("q.zhaopu-diligent", "false")));
    assertNull(tf.fromForm(form("q.zhaopu-diligent", "")));
    Object odd = tf.fromForm(form("q.zhaopu-diligent", "maybe"));
    assertEquals("maybe", odd);
    assertTrue(tf.checkShape(odd).isPresent());
    assertEquals(Grade.FULL, tf.grade(tf.fromForm(form("q.zhaopu-diligent", "true"))));
  }

  @Test
  @DisplayName("numeric turns what was typed into a number when it reads as one")
  void numeric() {
    Question n = q("fang-age");
    assertEquals(5, n.fromForm(form("q.fang-age", "５")));
    assertEquals(5, n.fromForm(form("q.fang-age", "五岁")));
    assertEquals(2.5, n.fromForm(form("q.fang-age", "2.5")));
    assertEquals("五六岁吧", n.fromForm(form("q.fang-age", "五六岁吧")));
    assertTrue(n.checkShape("五六岁吧").isPresent());
    assertNull(n.fromForm(form("q.fang-age", "")));
  }

  @Test
  @DisplayName("matching reads q.<qid>.<leftId> = right id; unanswered rows are left out, all blank gives null")
  void matching() {
    Question m = q("who-did-what");
    assertEquals(new JsonObject().put("L1", "R1").put("L2", "R3"),
        m.fromForm(form("q.who-did-what.L1", "R1", "q.who-did-what.L2", "R3")));
    assertEquals(new JsonObject().put("L2", "R2"), m.fromForm(form("q.who-did-what.L1", "", "q.who-did-what.L2", "R2")));
    assertNull(m.fromForm(form("q.who-did-what.L1", "")));
    assertEquals(0.5, m.grade(m.fromForm(form("q.who-did-what.L1", "R1", "q.who-did-what.L2", "R3"))).fraction());
  }

  @Test
  @DisplayName("ordering turns positions 1..n into the id array")
  void ordering() {
    Question o = q("fang-story");
    Object answer = o.fromForm(form("q.fang-story.I1", "2", "q.fang-story.I2", "1", "q.fang-story.I3", "３"));
    assertEquals(new JsonArray().add("I2").add("I1").add("I3"), answer);
    assertEquals(Grade.FULL, o.grade(answer));
    assertNull(o.fromForm(form("q.fang-story.I1", " ")));
  }

  @Test
  @DisplayName("ordering with repeated, missing or out-of-range positions fails the shape check with a clear message")
  void orderingInvalid() {
    Question o = q("fang-story");
    for (var fields : List.of(
        form("q.fang-story.I1", "1", "q.fang-story.I2", "1", "q.fang-story.I3", "3"),
        form("q.fang-story.I1", "1", "q.fang-story.I3", "2"),
        form("q.fang-story.I1", "1", "q.fang-story.I2", "2", "q.fang-story.I3", "4"),
        form("q.fang-story.I1", "一", "q.fang-story.I2", "x", "q.fang-story.I3", "3"))) {
      Object answer = o.fromForm(fields);
      assertEquals("请给每一项填写 1 到 3 之间的序号，每个序号只用一次", o.checkShape(answer).orElseThrow());
      assertEquals(Grade.ZERO, o.grade(answer));
    }
  }

  @Test
  @DisplayName("a whole form becomes the answers of the answered questions, by id")
  void wholeForm() {
    JsonObject answers = quiz.answersFromForm(form("q.luyao-illness", "B", "q.zhaopu-diligent", "false",
        "q.fang-age", "5岁", "q.fang-name", ""));
    assertEquals(new JsonObject().put("luyao-illness", "B").put("zhaopu-diligent", false).put("fang-age", 5),
        answers);
  }
}
