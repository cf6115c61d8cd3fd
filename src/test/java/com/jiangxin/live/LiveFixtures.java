package com.jiangxin.live;

import com.jiangxin.quiz.Question;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Live sessions through the API, and the built-in quiz questions they play (found by type, never by id). */
final class LiveFixtures {
  static final String READING = "pian-01";

  private LiveFixtures() {
  }

  /** The reading's questions a live session plays, in order. */
  static List<Question> liveQuestions(String readingId) {
    return BuiltInBank.quiz(readingId).questions().stream()
      .filter(q -> LiveQuiz.LIVE_TYPES.contains(q.typeName())).toList();
  }

  /** The right answer as a phone sends it. */
  static Object right(Question q) {
    Object key = q.key();
    return key instanceof List<?> l ? new JsonArray(new ArrayList<>(l)) : key;
  }

  /** An answer of the right shape that is wrong. */
  static Object wrong(Question q) {
    JsonObject view = q.studentView();
    switch (q.typeName()) {
      case "truefalse":
        return !Boolean.TRUE.equals(q.key());
      case "single":
        for (Object o : view.getJsonArray("options")) {
          String id = ((JsonObject) o).getString("id");
          if (!id.equals(q.key())) {
            return id;
          }
        }
        throw new AssertionError("a single choice with one option");
      case "numeric":
        return ((Number) q.key()).doubleValue() + 12345;
      case "ordering":
        JsonArray items = new JsonArray();
        view.getJsonArray("items").forEach(o -> items.add(((JsonObject) o).getString("id")));
        return items; // the shown order is never the key
      case "multiple":
        JsonArray none = new JsonArray();
        for (Object o : view.getJsonArray("options")) {
          String id = ((JsonObject) o).getString("id");
          if (!((List<?>) q.key()).contains(id)) {
            none.add(id);
          }
        }
        return none;
      default:
        return "一个肯定不对的答案";
    }
  }

  static JsonObject start(TestServer server, String teacherToken, JsonObject body) {
    HttpResponse<Buffer> r = server.postJson("/api/v1/live", body, teacherToken);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject join(TestServer server, String pin, String nickname, String bearer) {
    JsonObject body = new JsonObject().put("pin", pin);
    if (nickname != null) {
      body.put("nickname", nickname);
    }
    HttpResponse<Buffer> r = server.postJson("/api/v1/live/join", body, bearer);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static HttpResponse<Buffer> asPlayer(TestServer server, String method, String path, JsonObject body, String playerToken) {
    var req = server.client.request(io.vertx.core.http.HttpMethod.valueOf(method), path).putHeader("X-Player-Token", playerToken);
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }
}
