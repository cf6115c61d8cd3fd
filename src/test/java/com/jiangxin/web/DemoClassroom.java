package com.jiangxin.web;

import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingLibrary;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.Page;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo classroom (DEMO=1) of a test server, found through the API: its class, its assignments
 * by reading, and the built-in quizzes to find questions of a type without naming them.
 */
final class DemoClassroom {
  final TestServer server;
  final String teacherToken;
  final long classId;
  final Map<String, Long> assignmentByReading = new java.util.HashMap<>();
  final QuizBank bank;

  private DemoClassroom(TestServer server) {
    this.server = server;
    this.teacherToken = Accounts.token(server, DemoSeed.TEACHER, DemoSeed.PASSWORD);
    HttpResponse<Buffer> r = server.get("/api/v1/assignments", teacherToken);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray list = r.bodyAsJsonArray();
    long cls = 0;
    for (Object o : list) {
      JsonObject a = (JsonObject) o;
      assignmentByReading.put(a.getString("readingId"), a.getLong("id"));
      cls = a.getLong("classId");
    }
    this.classId = cls;
    List<Reading> readings = ReadingLibrary.loadDirectory(Path.of("quizzes"));
    this.bank = QuizBank.load(Path.of("quizzes"), readings);
  }

  static DemoClassroom of(TestServer server) {
    return new DemoClassroom(server);
  }

  /** The demo assignment of the showcase reading with the open (short) answers: the first one seeded. */
  long shortAnswerAssignment() {
    return assignmentByReading.entrySet().stream()
      .filter(e -> hasType(e.getKey(), "short"))
      .mapToLong(Map.Entry::getValue).min().orElseThrow();
  }

  boolean hasType(String readingId, String type) {
    return bank.forReading(readingId).map(q -> q.questions().stream().anyMatch(x -> x.typeName().equals(type)))
      .orElse(false);
  }

  /** The first reading (in 篇 order) whose quiz has a question of this type, with its position (from 1). */
  Optional<Map.Entry<String, Integer>> firstWithType(String type) {
    for (Quiz quiz : bank.quizzes()) {
      List<Question> qs = quiz.questions();
      for (int i = 0; i < qs.size(); i++) {
        if (qs.get(i).typeName().equals(type)) {
          return Optional.of(Map.entry(quiz.readingId(), i + 1));
        }
      }
    }
    return Optional.empty();
  }

  String readingOf(long assignmentId) {
    return assignmentByReading.entrySet().stream().filter(e -> e.getValue() == assignmentId)
      .map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  /** Starts a practice attempt for a student (API), returning its id. */
  long practice(String studentToken, String readingId) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings/" + readingId + "/practice", new JsonObject(),
      studentToken);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  /** A new student (registered through the API) who joined the demo class with its code. */
  Accounts.Login newStudent(String displayName) {
    Accounts.Login s = Accounts.student(server, displayName);
    String code = server.get("/api/v1/classes/" + classId, teacherToken).bodyAsJsonObject().getString("joinCode");
    HttpResponse<Buffer> r = server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", code), s.token());
    assertEquals(true, r.statusCode() < 300, r.bodyAsString());
    return s;
  }

  /** Logs a browser page in through the login form (a demo account). */
  void logIn(Page page, String username) {
    logIn(page, username, DemoSeed.PASSWORD);
  }

  void logIn(Page page, String username, String password) {
    page.navigate(server.url("/login"));
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("form[action='/login'] button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
  }

  void logOut(Page page) {
    page.context().clearCookies();
  }
}
