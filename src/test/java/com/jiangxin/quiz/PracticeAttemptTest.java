package com.jiangxin.quiz;

import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PracticeAttemptTest {
  private static TestServer server;
  private static String token;
  private static String otherToken;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    token = login("prac1");
    otherToken = login("prac2");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String login(String username) {
    server.postJson("/api/v1/auth/register", new JsonObject().put("username", username).put("password", "password-" + username)
      .put("displayName", "学生" + username).put("role", "student"), null);
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username)
      .put("password", "password-" + username), null).bodyAsJsonObject().getString("token");
  }

  private static JsonObject practice(String reading, String tok) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/readings/" + reading + "/practice", new JsonObject(), tok);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  @Test
  @DisplayName("practice starts an attempt whose questions carry no key, and starting again resumes it")
  void startAndResume() {
    JsonObject first = practice("pian-03", token);
    assertEquals("in_progress", first.getString("status"));
    assertTrue(first.getJsonArray("questions").size() >= 4);
    String text = first.encode();
    for (String secret : List.of("\"answer\"", "\"accept\"", "\"rubric\"", "\"explanation\"", "\"evidence\":", "\"correct\"")) {
      assertFalse(text.contains(secret), secret + " leaked into " + text);
    }
    JsonObject again = practice("pian-03", token);
    assertEquals(first.getLong("id"), again.getLong("id"));
    assertTrue(again.getBoolean("resumed"));
  }

  @Test
  @DisplayName("saved answers merge and come back on reload; unknown questions and malformed answers are a clear 400")
  void autosaveMerges() {
    JsonObject t = practice("pian-08", token);
    long id = t.getLong("id");
    JsonArray qs = t.getJsonArray("questions");
    String q1 = qs.getJsonObject(0).getString("id");
    String q2 = qs.getJsonObject(1).getString("id");
    Object a1 = sampleAnswer(qs.getJsonObject(0));
    Object a2 = sampleAnswer(qs.getJsonObject(1));
    assertEquals(200, server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject().put(q1, a1), token).statusCode());
    assertEquals(200, server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject().put(q2, a2), token).statusCode());
    JsonObject reloaded = server.get("/api/v1/attempts/" + id, token).bodyAsJsonObject();
    assertEquals(a1, reloaded.getJsonObject("answers").getValue(q1));
    assertEquals(a2, reloaded.getJsonObject("answers").getValue(q2));

    HttpResponse<Buffer> unknown = server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject().put("no-such-q", "A"), token);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.bodyAsJsonObject().getString("error").contains("no-such-q"));
    assertEquals(400, server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject().put(q1, new JsonObject().put("x", List.of())), token).statusCode());
    assertEquals(a1, server.get("/api/v1/attempts/" + id, token).bodyAsJsonObject().getJsonObject("answers").getValue(q1),
      "a refused save loses nothing");
  }

  @Test
  @DisplayName("another student's attempt is invisible (404) and cannot be written")
  void foreignAttempt() {
    long id = practice("pian-06", token).getLong("id");
    assertEquals(404, server.get("/api/v1/attempts/" + id, otherToken).statusCode());
    assertEquals(404, server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject(), otherToken).statusCode());
    assertEquals(404, server.postJson("/api/v1/attempts/" + id + "/submit", new JsonObject(), otherToken).statusCode());
    assertEquals(401, server.get("/api/v1/attempts/" + id).statusCode());
    assertEquals(404, server.get("/api/v1/attempts/999999", token).statusCode());
    assertEquals(404, server.get("/api/v1/attempts/not-a-number", token).statusCode());
  }

  @Test
  @DisplayName("the server grades: a client-sent score is ignored and unanswered questions count as wrong")
  void serverGrades() {
    JsonObject t = practice("pian-09", token);
    long id = t.getLong("id");
    JsonObject body = new JsonObject().put("answers", new JsonObject()).put("score", 999).put("correct", true);
    HttpResponse<Buffer> r = server.postJson("/api/v1/attempts/" + id + "/submit", body, token);
    assertEquals(200, r.statusCode());
    JsonObject result = r.bodyAsJsonObject();
    assertEquals(0.0, result.getDouble("score"));
    assertTrue(result.getDouble("maxScore") > 0);
    assertEquals("submitted", result.getString("status"));
    for (Object o : result.getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      assertFalse(q.getBoolean("correct"), q.encode());
      assertTrue(q.containsKey("explanation"), "practice shows feedback at once");
      assertTrue(q.getString("evidenceUrl").startsWith("/readings/pian-09?p="));
    }
  }

  @Test
  @DisplayName("twenty parallel submits of one attempt give one result and change nothing after the first")
  void parallelSubmits() {
    JsonObject t = practice("pian-01", token);
    long id = t.getLong("id");
    JsonObject answers = new JsonObject();
    for (Object o : t.getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      answers.put(q.getString("id"), sampleAnswer(q));
    }
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      JsonObject body = new JsonObject().put("answers", i == 0 ? answers : new JsonObject());
      calls.add(TestServer.auth(server.client.post("/api/v1/attempts/" + id + "/submit"), token).sendJsonObject(body));
    }
    Set<String> results = new HashSet<>();
    for (Future<HttpResponse<Buffer>> f : calls) {
      HttpResponse<Buffer> r = f.await();
      assertEquals(200, r.statusCode(), r.bodyAsString());
      JsonObject j = r.bodyAsJsonObject();
      results.add(j.getDouble("score") + "@" + j.getLong("submittedAt"));
    }
    assertEquals(1, results.size(), "every submit answers with the one stored result: " + results);
    HttpResponse<Buffer> late = server.putJson("/api/v1/attempts/" + id + "/answers", new JsonObject(), token);
    assertEquals(409, late.statusCode(), "a submitted attempt takes no more answers");
  }

  @Test
  @DisplayName("parallel practice starts of one reading give one attempt")
  void parallelStarts() {
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(TestServer.auth(server.client.post("/api/v1/readings/pian-07/practice"), otherToken).sendJsonObject(new JsonObject()));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<HttpResponse<Buffer>> f : calls) {
      HttpResponse<Buffer> r = f.await();
      assertEquals(201, r.statusCode(), r.bodyAsString());
      ids.add(r.bodyAsJsonObject().getLong("id"));
    }
    assertEquals(1, ids.size());
  }

  @Test
  @DisplayName("practice on an unknown reading is a 404, and practice needs a login")
  void unknownReading() {
    assertEquals(404, server.postJson("/api/v1/readings/pian-99/practice", new JsonObject(), token).statusCode());
    assertEquals(401, server.postJson("/api/v1/readings/pian-02/practice", new JsonObject(), null).statusCode());
  }

  /** Some answer of the right shape (not necessarily right). */
  static Object sampleAnswer(JsonObject q) {
    return switch (q.getString("type")) {
      case "single" -> q.getJsonArray("options").getJsonObject(0).getString("id");
      case "multiple" -> new JsonArray().add(q.getJsonArray("options").getJsonObject(0).getString("id"));
      case "truefalse" -> true;
      case "numeric" -> 1;
      case "evidence" -> q.getJsonArray("paragraphs").getJsonObject(0).getJsonArray("sentences").getJsonObject(0).getString("id");
      case "matching" -> {
        JsonObject m = new JsonObject();
        String right = q.getJsonArray("right").getJsonObject(0).getString("id");
        q.getJsonArray("left").forEach(l -> m.put(((JsonObject) l).getString("id"), right));
        yield m;
      }
      case "ordering" -> {
        JsonArray order = new JsonArray();
        q.getJsonArray("items").forEach(i -> order.add(((JsonObject) i).getString("id")));
        yield order;
      }
      default -> "工匠";
    };
  }
}
