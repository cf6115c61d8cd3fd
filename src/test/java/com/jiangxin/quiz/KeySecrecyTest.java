package com.jiangxin.quiz;

import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import com.jiangxin.support.People;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a student or a visitor can load carries a key: not the quiz JSON, the examples index
 * (JSON and page) or the reading pages. Checked for every reading and every question.
 */
class KeySecrecyTest {
  static final Set<String> KEY_FIELDS = Set.of("answer", "accept", "rubric", "explanation", "evidence", "tolerance");
  private static TestServer server;
  private static String studentToken;
  private static String studentSession;
  private static String teacherToken;
  private static List<Reading> readings;
  private static QuizBank bank;
  /** Texts only a key holds: every explanation, every rubric, every model answer. */
  private static final List<String> SECRETS = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    People.Person student = People.register(server, "student");
    studentToken = People.token(server, student);
    studentSession = People.session(server, student);
    teacherToken = People.token(server, People.register(server, "teacher"));
    readings = Content.loadReadings(Path.of("quizzes"));
    bank = QuizBank.load(Path.of("quizzes"), readings);
    for (Quiz quiz : bank.quizzes()) {
      for (Question q : quiz.questions()) {
        SECRETS.add(q.explanation());
        if (q.type() instanceof ShortAnswer s) {
          SECRETS.add(s.rubric());
          if (s.modelAnswer() != null) {
            SECRETS.add(s.modelAnswer());
          }
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every field name at any depth of a JSON value. */
  static List<String> fieldNames(Object json) {
    List<String> names = new ArrayList<>();
    if (json instanceof JsonObject o) {
      for (String k : o.fieldNames()) {
        names.add(k);
        names.addAll(fieldNames(o.getValue(k)));
      }
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> names.addAll(fieldNames(v)));
    }
    return names;
  }

  static void assertNoKeyFields(String what, Object json) {
    List<String> leaked = fieldNames(json).stream().filter(KEY_FIELDS::contains).distinct().toList();
    assertEquals(List.of(), leaked, what + " carries key fields");
  }

  static void assertNoSecretText(String what, String body) {
    for (String secret : SECRETS) {
      String escaped = secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#x27;").replace("=", "&#x3D;");
      boolean found = body.contains(secret) || body.contains(escaped) || body.contains(Json.encode(secret));
      assertTrue(!found, what + " shows a key text: " + secret);
    }
  }

  @Test
  @DisplayName("a student's quiz JSON for every reading holds no key field and no explanation, rubric or model answer")
  void studentQuizJson() {
    for (Reading r : readings) {
      HttpResponse<Buffer> res = server.get("/api/v1/readings/" + r.id() + "/quiz", studentToken);
      assertEquals(200, res.statusCode());
      assertNoKeyFields(r.id() + " quiz", res.bodyAsJsonObject());
      assertNoSecretText(r.id() + " quiz", res.bodyAsString());
      // the same call with the page's session cookie and CSRF header gives the same student view
      HttpResponse<Buffer> page = People.getPage(server, "/readings/" + r.id(), studentSession);
      HttpResponse<Buffer> viaSession = server.client.get("/api/v1/readings/" + r.id() + "/quiz")
        .putHeader("Cookie", People.COOKIE + "=" + studentSession)
        .putHeader("X-CSRF-Token", People.csrf(page.bodyAsString())).send().await();
      assertEquals(res.bodyAsJsonObject(), viaSession.bodyAsJsonObject());
    }
  }

  @Test
  @DisplayName("the examples index, as JSON and as a page, shows students and visitors no key")
  void examplesIndex() {
    for (String token : new String[] {null, studentToken}) {
      HttpResponse<Buffer> json = server.get("/api/v1/examples", token);
      assertEquals(200, json.statusCode());
      assertNoKeyFields("examples API", json.bodyAsJsonArray());
      assertNoSecretText("examples API", json.bodyAsString());
    }
    for (String sid : new String[] {null, studentSession}) {
      HttpResponse<Buffer> page = People.getPage(server, "/examples", sid);
      assertEquals(200, page.statusCode());
      assertNoSecretText("examples page", page.bodyAsString());
      assertTrue(!page.bodyAsString().contains("key-label"), "no key markup on the examples page");
    }
  }

  @Test
  @DisplayName("no reading page shows a student or a visitor a key, nor links them to the answer page")
  void readingPages() {
    for (Reading r : readings) {
      for (String sid : new String[] {null, studentSession}) {
        String body = People.getPage(server, "/readings/" + r.id(), sid).bodyAsString();
        assertNoSecretText(r.id() + " page", body);
        assertTrue(!body.contains("/readings/" + r.id() + "/quiz"), r.id() + ": link to the answer page");
      }
    }
  }

  @Test
  @DisplayName("a teacher's quiz JSON and examples index do carry the keys, so the checks above can fail")
  void teacherSeesKeys() {
    HttpResponse<Buffer> quiz = server.get("/api/v1/readings/pian-05/quiz", teacherToken);
    List<String> names = fieldNames(quiz.bodyAsJsonObject());
    assertTrue(names.containsAll(List.of("answer", "rubric", "explanation", "evidence", "tolerance")), names.toString());
    assertTrue(fieldNames(server.get("/api/v1/readings/pian-02/quiz", teacherToken).bodyAsJsonObject()).contains("accept"));
    String explanation = bank.forReading("pian-05").orElseThrow().questions().get(0).explanation();
    assertTrue(quiz.bodyAsString().contains(Json.encode(explanation).replaceAll("^\"|\"$", "")));
    List<String> indexNames = fieldNames(server.get("/api/v1/examples", teacherToken).bodyAsJsonArray());
    assertTrue(indexNames.containsAll(List.of("answer", "explanation", "evidence")), indexNames.toString());
  }
}
