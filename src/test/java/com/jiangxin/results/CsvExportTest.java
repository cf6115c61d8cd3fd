package com.jiangxin.results;

import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.ShortAnswer;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.results.ResultsFixtures.Person;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spreadsheets survive awkward names and answers: commas, quotes, line breaks and Chinese. */
class CsvExportTest {
  private static TestServer server;
  private static Person teacher;
  private static long classId;
  private static long assignmentId;
  /** An assignment closed by the teacher while the student named {@link #COMMA_QUOTE} was still answering. */
  private static long closedId;
  private static final String COMMA_QUOTE = "张\"小明\",二班";
  private static final String NEWLINE_NAME = "李\n四";
  private static final String FORMULA = "=1+2";
  private static final Quiz QUIZ = BuiltInBank.quiz("pian-02");
  /** The open question of 篇二, the fill-in about 路遥's book and a single-choice question about 路遥. */
  private static final Question OPEN = BuiltInBank.first("pian-02", ShortAnswer.class);
  private static final Question BOOK = BuiltInBank.first("pian-02", "路遥", FillIn.class);
  private static final Question LUYAO = BuiltInBank.first("pian-02", "路遥", SingleChoice.class);
  private static final String ANSWER = "路遥写了“平凡的世界”，\n方仲永\"泯然众人\"，说明勤劳, 是基石。";

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = ResultsFixtures.teacher(server);
    Person a = ResultsFixtures.student(server, COMMA_QUOTE);
    Person b = ResultsFixtures.student(server, "王五");
    Person c = ResultsFixtures.student(server, FORMULA);
    // a line break cannot be typed into a display name, but an imported roster may carry one
    server.app.pool().preparedQuery("UPDATE users SET display_name = ? WHERE id = ?")
      .execute(Tuple.of(NEWLINE_NAME, b.id())).await();
    classId = ResultsFixtures.createClass(server, teacher, "高三（2）班");
    ResultsFixtures.enrol(server, classId, a, b, c);
    assignmentId = ResultsFixtures.assign(server, classId, "pian-02", 1, "best");
    ResultsFixtures.submit(server, a, assignmentId, new JsonObject().put(OPEN.id(), ANSWER)
      .put(BOOK.id(), "平凡的世界"));
    ResultsFixtures.submit(server, b, assignmentId, new JsonObject().put(LUYAO.id(), LUYAO.key()));
    closedId = ResultsFixtures.assign(server, classId, "pian-02", 1, "best");
    long open = server.postJson("/api/v1/assignments/" + closedId + "/attempts", new JsonObject(), a.token())
      .bodyAsJsonObject().getLong("id");
    assertEquals(200, server.putJson("/api/v1/attempts/" + open + "/answers",
      new JsonObject().put(BOOK.id(), "平凡的世界"), a.token()).statusCode());
    assertEquals(200, server.postJson("/api/v1/assignments/" + closedId + "/close", new JsonObject(), teacher.token())
      .statusCode());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<CSVRecord> parse(HttpResponse<Buffer> r) throws IOException {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("text/csv; charset=utf-8", r.getHeader("Content-Type"));
    assertTrue(r.getHeader("Content-Disposition").startsWith("attachment"));
    byte[] bytes = r.body().getBytes();
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
      "UTF-8 byte-order mark first, so Excel reads Chinese");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    try (CSVParser parser = CSVParser.parse(new StringReader(text),
      CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  @Test
  @DisplayName("the gradebook CSV round-trips names with commas, quotes, line breaks and Chinese, and defuses formulas")
  void gradebookRoundTrip() throws IOException {
    List<CSVRecord> rows = parse(server.get("/api/v1/classes/" + classId + "/gradebook.csv", teacher.token()));
    assertEquals(3, rows.size());
    List<String> names = rows.stream().map(r -> r.get("姓名")).toList();
    assertTrue(names.contains(COMMA_QUOTE), names.toString());
    assertTrue(names.contains(NEWLINE_NAME), names.toString());
    assertTrue(names.contains("'" + FORMULA), "a name that looks like a formula is shown as text: " + names);
    CSVRecord b = rows.stream().filter(r -> r.get("姓名").equals(NEWLINE_NAME)).findFirst().orElseThrow();
    assertEquals("1", b.get(2), "one right answer of 篇二");
    assertEquals("1", b.get("总分（满分 " + BuiltInBank.points(2 * QUIZ.totalPoints()) + "）"));
    assertEquals("", b.get(3), "the second assignment of 篇二 has a column of its own");
    assertTrue(rows.get(0).getParser().getHeaderNames().get(3).contains("第 2 次布置"),
      "two assignments of one reading get two column names: " + rows.get(0).getParser().getHeaderNames());
    CSVRecord c = rows.stream().filter(r -> r.get("姓名").equals("'" + FORMULA)).findFirst().orElseThrow();
    assertEquals("", c.get(2), "no attempt: an empty cell, not zero");
    CSVRecord a = rows.stream().filter(r -> r.get("姓名").equals(COMMA_QUOTE)).findFirst().orElseThrow();
    assertEquals("1", a.get("自动提交"), "the attempt submitted when the teacher closed the assignment is counted");
    assertEquals("0", b.get("自动提交"));
  }

  @Test
  @DisplayName("the answers CSV marks the answers of an attempt the server submitted when the assignment closed")
  void autoSubmittedAnswers() throws IOException {
    List<CSVRecord> closed = parse(server.get("/api/v1/assignments/" + closedId + "/answers.csv", teacher.token()));
    assertEquals(QUIZ.questions().size(), closed.size());
    assertTrue(closed.stream().allMatch(r -> r.get("自动提交").equals("是")), closed.toString());
    CSVRecord book = closed.stream().filter(r -> r.get("题目编号").equals(BOOK.id())).findFirst().orElseThrow();
    assertEquals("1", book.get("得分"), "the answer saved before closing was graded");
    List<CSVRecord> own = parse(server.get("/api/v1/assignments/" + assignmentId + "/answers.csv", teacher.token()));
    assertTrue(own.stream().allMatch(r -> r.get("自动提交").isEmpty()), "submitted by the students themselves");
  }

  @Test
  @DisplayName("the answers CSV has one row per answer and keeps a multi-line answer with quotes intact")
  void answersRoundTrip() throws IOException {
    List<CSVRecord> rows = parse(server.get("/api/v1/assignments/" + assignmentId + "/answers.csv", teacher.token()));
    assertEquals(2 * QUIZ.questions().size(), rows.size(), "two attempts × every question of 篇二");
    CSVRecord open = rows.stream().filter(r -> r.get("题目编号").equals(OPEN.id())
      && r.get("姓名").equals(COMMA_QUOTE)).findFirst().orElseThrow();
    assertEquals(ANSWER, open.get("答案"));
    assertEquals("是", open.get("待批改"));
    assertEquals("short", open.get("题型"));
    CSVRecord book = rows.stream().filter(r -> r.get("题目编号").equals(BOOK.id())
      && r.get("姓名").equals(COMMA_QUOTE)).findFirst().orElseThrow();
    assertEquals("1", book.get("得分"));
    assertEquals("路遥", book.get("例子"));
    assertEquals("1", book.get("第几次"));
  }

  @Test
  @DisplayName("the teacher's page links download the same CSV with the session cookie")
  void pageDownload() throws IOException {
    ResultsFixtures.Session s = ResultsFixtures.session(server, teacher);
    List<CSVRecord> rows = parse(ResultsFixtures.page(server, s, "/classes/" + classId + "/gradebook.csv"));
    assertEquals(3, rows.size());
  }
}
