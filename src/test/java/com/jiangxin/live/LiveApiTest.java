package com.jiangxin.live;

import com.jiangxin.quiz.Question;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.jiangxin.live.LiveFixtures.asPlayer;
import static com.jiangxin.live.LiveFixtures.join;
import static com.jiangxin.live.LiveFixtures.right;
import static com.jiangxin.live.LiveFixtures.start;
import static com.jiangxin.live.LiveFixtures.wrong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveApiTest {
  private static TestServer server;
  private static Login teacher;
  private static Login otherTeacher;
  private static Login student;
  private static Login outsider;
  private static List<Question> questions;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    otherTeacher = Accounts.teacher(server);
    student = Accounts.student(server, "林晓");
    outsider = Accounts.student(server, "路人");
    questions = LiveFixtures.liveQuestions(LiveFixtures.READING);
    assertTrue(questions.size() >= 3, "the reading has at least three live questions");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static JsonObject guestSession() {
    return start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING).put("guests", true));
  }

  private static HttpResponse<Buffer> post(String path, String token) {
    return server.postJson(path, new JsonObject(), token);
  }

  @Test
  @DisplayName("a teacher starts a session: 201 with a 6-digit PIN, a join link carrying it, in the lobby")
  void startSession() {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING));
    assertTrue(s.getString("pin").matches("\\d{6}"), s.encode());
    assertTrue(s.getString("joinUrl").endsWith("/live?pin=" + s.getString("pin")), s.encode());
    assertEquals("lobby", s.getString("status"));
    assertTrue(s.getLong("id") > 0);
  }

  @Test
  @DisplayName("starting: 401 without a token, 403 for a student, 400 without a reading or assignment, 404 for an unknown reading or someone else's assignment")
  void startRefusals() {
    JsonObject body = new JsonObject().put("readingId", LiveFixtures.READING);
    assertEquals(401, server.postJson("/api/v1/live", body, null).statusCode());
    assertEquals(403, server.postJson("/api/v1/live", body, student.token()).statusCode());
    assertEquals(400, server.postJson("/api/v1/live", new JsonObject(), teacher.token()).statusCode());
    assertEquals(400, server.postJson("/api/v1/live", body.copy().put("assignmentId", 1), teacher.token()).statusCode());
    assertEquals(404, server.postJson("/api/v1/live", new JsonObject().put("readingId", "pian-99"), teacher.token()).statusCode());
    JsonObject cls = server.postJson("/api/v1/classes", new JsonObject().put("name", "三班"), otherTeacher.token()).bodyAsJsonObject();
    long assignment = server.postJson("/api/v1/classes/" + cls.getLong("id") + "/assignments",
      new JsonObject().put("readingId", LiveFixtures.READING), otherTeacher.token()).bodyAsJsonObject().getLong("id");
    assertEquals(404, server.postJson("/api/v1/live", new JsonObject().put("assignmentId", assignment), teacher.token()).statusCode());
    assertEquals(201, server.postJson("/api/v1/live", new JsonObject().put("assignmentId", assignment), otherTeacher.token()).statusCode());
  }

  @Test
  @DisplayName("joining: a wrong PIN is 404, a guest where guests are off is 403, a student joins as themselves")
  void joinRules() {
    JsonObject closed = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING));
    String wrongPin = closed.getString("pin").equals("000000") ? "000001" : "000000";
    assertEquals(404, server.postJson("/api/v1/live/join", new JsonObject().put("pin", wrongPin).put("nickname", "小明"), null).statusCode());
    assertEquals(403, server.postJson("/api/v1/live/join", new JsonObject().put("pin", closed.getString("pin")).put("nickname", "小明"), null).statusCode());
    JsonObject me = join(server, closed.getString("pin"), null, student.token());
    assertEquals(closed.getLong("id"), me.getLong("sessionId"));
    assertTrue(me.getLong("playerId") > 0);
    assertFalse(me.getString("playerToken").isBlank());
    assertEquals("林晓", me.getString("name"));
    assertEquals(403, server.postJson("/api/v1/live/join", new JsonObject().put("pin", closed.getString("pin")), teacher.token()).statusCode());
    JsonObject again = join(server, closed.getString("pin"), null, student.token());
    assertEquals(me.getLong("playerId"), again.getLong("playerId"), "a student who joins again is the same player");
  }

  @Test
  @DisplayName("a guest's nickname loses its control characters, must not be empty and is at most 20 characters")
  void nicknames() {
    JsonObject s = guestSession();
    String pin = s.getString("pin");
    assertEquals("小 明", join(server, pin, "\u0007小 \u202e 明\n", null).getString("name"));
    assertEquals(400, server.postJson("/api/v1/live/join", new JsonObject().put("pin", pin).put("nickname", "\u0000 \u0001"), null).statusCode());
    assertEquals(400, server.postJson("/api/v1/live/join", new JsonObject().put("pin", pin).put("nickname", "长".repeat(21)), null).statusCode());
    assertEquals(200, server.postJson("/api/v1/live/join", new JsonObject().put("pin", pin).put("nickname", "长".repeat(20)), null).statusCode());
  }

  @Test
  @DisplayName("a whole session: next, answers (202, second 409), no key before reveal, reveal, leaderboard, end")
  void wholeSession() {
    JsonObject s = guestSession();
    long id = s.getLong("id");
    String base = "/api/v1/live/" + id;
    JsonObject a = join(server, s.getString("pin"), "甲", null);
    JsonObject b = join(server, s.getString("pin"), "乙", null);
    JsonObject lobby = asPlayer(server, "GET", base, null, a.getString("playerToken")).bodyAsJsonObject();
    assertEquals("lobby", lobby.getString("status"));
    assertEquals(-1, lobby.getInteger("index"));
    assertEquals(2, lobby.getInteger("players"));

    // before any question, an answer has nothing to go to
    Question first = questions.get(0);
    assertEquals(409, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", right(first)), a.getString("playerToken")).statusCode());

    HttpResponse<Buffer> next = post(base + "/next", teacher.token());
    assertEquals(200, next.statusCode(), next.bodyAsString());
    assertEquals(0, next.bodyAsJsonObject().getInteger("index"));
    JsonObject shown = next.bodyAsJsonObject().getJsonObject("question");
    assertEquals(first.id(), shown.getString("id"));
    assertKeyless(shown, first);

    HttpResponse<Buffer> ok = asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", right(first)), a.getString("playerToken"));
    assertEquals(202, ok.statusCode(), ok.bodyAsString());
    assertEquals(409, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", wrong(first)), a.getString("playerToken")).statusCode());
    assertEquals(409, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", questions.get(1).id()).put("answer", right(questions.get(1))), b.getString("playerToken")).statusCode(),
      "a question that is not current");
    assertEquals(202, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", wrong(first)), b.getString("playerToken")).statusCode());

    JsonObject before = asPlayer(server, "GET", base, null, a.getString("playerToken")).bodyAsJsonObject();
    assertEquals("question", before.getString("status"));
    assertEquals(2, before.getInteger("answered"));
    assertKeyless(before.getJsonObject("question"), first);
    for (String leak : List.of("counts", "correct", "reveal", "evidence", "answerText")) {
      assertFalse(before.containsKey(leak), leak + " reached a player before the reveal: " + before.encode());
    }
    assertFalse(before.getJsonObject("mine").containsKey("correct"), before.encode());

    HttpResponse<Buffer> reveal = post(base + "/reveal", teacher.token());
    assertEquals(200, reveal.statusCode(), reveal.bodyAsString());
    JsonObject r = reveal.bodyAsJsonObject();
    assertEquals(first.id(), r.getString("questionId"));
    assertEquals(2, r.getInteger("answered"));
    assertEquals(2, r.getInteger("players"));
    assertEquals(1, r.getInteger("correct"));
    assertEquals(first.evidence(), r.getString("evidence"));
    assertEquals(first.paragraph(), r.getInteger("paragraph"));
    assertEquals(first.evidence(), r.getJsonObject("paragraphText").getString("evidence"), "the evidence is located in its paragraph");
    assertTrue(r.containsKey("answer"));
    int counted = r.getJsonObject("counts").getMap().values().stream().mapToInt(v -> ((Number) v).intValue()).sum();
    assertTrue(counted >= 2, r.encode());
    assertEquals(409, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", right(first)), a.getString("playerToken")).statusCode(),
      "no answers after the reveal");
    JsonObject after = asPlayer(server, "GET", base, null, a.getString("playerToken")).bodyAsJsonObject();
    assertEquals("revealed", after.getString("status"));
    assertEquals(true, after.getJsonObject("mine").getBoolean("correct"));
    assertEquals(false, asPlayer(server, "GET", base, null, b.getString("playerToken")).bodyAsJsonObject()
      .getJsonObject("mine").getBoolean("correct"));

    // play the rest: only 乙 answers (rightly) the second question
    Question second = questions.get(1);
    assertEquals(1, post(base + "/next", teacher.token()).bodyAsJsonObject().getInteger("index"));
    assertEquals(202, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", second.id()).put("answer", right(second)), b.getString("playerToken")).statusCode());
    assertEquals(200, post(base + "/reveal", teacher.token()).statusCode());
    JsonArray board = asPlayer(server, "GET", base + "/leaderboard", null, b.getString("playerToken")).bodyAsJsonArray();
    assertEquals(2, board.size());
    assertEquals(1, board.getJsonObject(0).getInteger("correct"));
    assertEquals(board.getJsonObject(0).getLong("points"), board.getJsonObject(1).getLong("points"),
      "without the speed bonus, equal correct answers are equal points");

    for (int i = 2; i < questions.size(); i++) {
      assertEquals(i, post(base + "/next", teacher.token()).bodyAsJsonObject().getInteger("index"));
    }
    HttpResponse<Buffer> last = post(base + "/next", teacher.token());
    assertEquals(200, last.statusCode());
    assertEquals("finished", last.bodyAsJsonObject().getString("status"));
    assertEquals(200, post(base + "/end", teacher.token()).statusCode());
    assertEquals("finished", asPlayer(server, "GET", base, null, a.getString("playerToken")).bodyAsJsonObject().getString("status"));
    assertEquals(404, server.postJson("/api/v1/live/join", new JsonObject().put("pin", s.getString("pin")).put("nickname", "迟到"), null).statusCode(),
      "a finished session's PIN joins nothing");
  }

  @Test
  @DisplayName("by correct answers first; with the speed bonus a faster right answer wins only a tie")
  void speedBreaksTiesOnly() throws Exception {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING)
      .put("guests", true).put("speedBonus", true));
    String base = "/api/v1/live/" + s.getLong("id");
    JsonObject fast = join(server, s.getString("pin"), "快", null);
    JsonObject slow = join(server, s.getString("pin"), "慢", null);
    JsonObject careful = join(server, s.getString("pin"), "稳", null);
    Question q0 = questions.get(0);
    Question q1 = questions.get(1);
    post(base + "/next", teacher.token());
    asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q0.id()).put("answer", right(q0)), fast.getString("playerToken"));
    Thread.sleep(400);
    asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q0.id()).put("answer", right(q0)), slow.getString("playerToken"));
    asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q0.id()).put("answer", right(q0)), careful.getString("playerToken"));
    post(base + "/reveal", teacher.token());
    post(base + "/next", teacher.token());
    Thread.sleep(1500);
    asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q1.id()).put("answer", right(q1)), careful.getString("playerToken"));
    asPlayer(server, "POST", base + "/answers", new JsonObject().put("questionId", q1.id()).put("answer", wrong(q1)), fast.getString("playerToken"));
    post(base + "/reveal", teacher.token());
    JsonArray board = server.get(base + "/leaderboard", teacher.token()).bodyAsJsonArray();
    assertEquals(List.of("稳", "快", "慢"), board.stream().map(o -> ((JsonObject) o).getString("name")).toList(), board.encode());
    assertEquals(2, board.getJsonObject(0).getInteger("correct"));
    assertTrue(board.getJsonObject(1).getLong("points") > board.getJsonObject(2).getLong("points"), board.encode());
  }

  @Test
  @DisplayName("everyone else: 401 without credentials, 403 for a player on teacher routes, 404 for another teacher or a stranger")
  void accessByOthers() {
    JsonObject s = guestSession();
    long id = s.getLong("id");
    String base = "/api/v1/live/" + id;
    JsonObject guest = join(server, s.getString("pin"), "访客", null);
    String token = guest.getString("playerToken");
    for (String action : List.of("/next", "/reveal", "/end")) {
      assertEquals(401, post(base + action, null).statusCode(), action);
      assertEquals(403, asPlayer(server, "POST", base + action, new JsonObject(), token).statusCode(), action);
      assertEquals(404, post(base + action, otherTeacher.token()).statusCode(), action);
      assertEquals(404, post(base + action, outsider.token()).statusCode(), action);
    }
    assertEquals(401, server.get(base, null).statusCode());
    assertEquals(404, server.get(base, otherTeacher.token()).statusCode());
    assertEquals(404, server.get(base, outsider.token()).statusCode());
    assertEquals(401, asPlayer(server, "GET", base, null, "not-a-token").statusCode());
    assertEquals(404, server.get(base + "/leaderboard", outsider.token()).statusCode());
    assertEquals(404, server.get("/api/v1/live/999999", teacher.token()).statusCode());
    assertEquals(403, server.postJson(base + "/answers", new JsonObject().put("questionId", "x").put("answer", "A"),
      outsider.token()).statusCode(), "a student who has not joined cannot answer");
    JsonObject other = guestSession();
    assertEquals(404, asPlayer(server, "GET", "/api/v1/live/" + other.getLong("id"), null, token).statusCode(),
      "a player of one session sees nothing of another");
    assertEquals(200, server.get(base, teacher.token()).statusCode());
  }

  @Test
  @DisplayName("an answer of the wrong shape is 400; the teacher removes a guest, whose calls are then refused")
  void shapeAndRemoval() {
    JsonObject s = guestSession();
    String base = "/api/v1/live/" + s.getLong("id");
    JsonObject guest = join(server, s.getString("pin"), "捣蛋", null);
    post(base + "/next", teacher.token());
    Question first = questions.get(0);
    assertEquals(400, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", new JsonObject().put("x", 1)), guest.getString("playerToken")).statusCode());
    assertEquals(404, server.delete(base + "/players/" + guest.getLong("playerId"), student.token()).statusCode());
    assertEquals(403, asPlayer(server, "DELETE", base + "/players/" + guest.getLong("playerId"), null, guest.getString("playerToken")).statusCode());
    assertEquals(204, server.delete(base + "/players/" + guest.getLong("playerId"), teacher.token()).statusCode());
    assertEquals(404, server.delete(base + "/players/" + guest.getLong("playerId"), teacher.token()).statusCode());
    assertEquals(403, asPlayer(server, "POST", base + "/answers",
      new JsonObject().put("questionId", first.id()).put("answer", right(first)), guest.getString("playerToken")).statusCode());
    assertEquals(0, server.get(base, teacher.token()).bodyAsJsonObject().getInteger("players"));
  }

  @Test
  @DisplayName("the event stream: host and player get the question as it is shown, the host also how many answered; nginx is told not to buffer; strangers get 401")
  void eventStream() throws Exception {
    JsonObject s = guestSession();
    long id = s.getLong("id");
    JsonObject guest = join(server, s.getString("pin"), "看客", null);
    HttpClient http = server.vertx.createHttpClient();
    try {
      HttpClientResponse denied = http.request(new RequestOptions().setPort(server.port()).setHost("localhost")
        .setURI("/live/" + id + "/events")).compose(req -> req.send()).await();
      assertEquals(401, denied.statusCode());
      CompletableFuture<String> playerSaw = stream(http, id, guest.getString("playerToken"), null, "event: question");
      Accounts.Session browser = Accounts.session(server, teacher.username(), Accounts.PASSWORD);
      CompletableFuture<String> hostSaw = stream(http, id, null, browser.sid(), "event: answered");
      Thread.sleep(300);
      assertEquals(200, post("/api/v1/live/" + id + "/next", teacher.token()).statusCode());
      String p = playerSaw.get(10, TimeUnit.SECONDS);
      Question first = questions.get(0);
      assertEquals(202, asPlayer(server, "POST", "/api/v1/live/" + id + "/answers",
        new JsonObject().put("questionId", first.id()).put("answer", right(first)), guest.getString("playerToken")).statusCode());
      String h = hostSaw.get(10, TimeUnit.SECONDS);
      assertTrue(h.contains("\"answered\":1"), h);
      assertTrue(p.contains("event: state"), p);
      assertTrue(p.contains(questions.get(0).prompt().substring(0, 4)), p);
      assertFalse(p.contains("\"evidence\""), p);
      assertTrue(h.contains("event: question"), h);
    } finally {
      http.close();
    }
  }

  /** Opens an event stream and completes with what arrived once {@code until} has. */
  private static CompletableFuture<String> stream(HttpClient http, long id, String playerToken, String sid, String until) {
    CompletableFuture<String> seen = new CompletableFuture<>();
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setPort(server.port()).setHost("localhost")
      .setURI("/live/" + id + "/events");
    if (playerToken != null) {
      o.putHeader("X-Player-Token", playerToken);
    }
    if (sid != null) {
      o.putHeader("Cookie", "jx_sid=" + sid);
    }
    StringBuilder text = new StringBuilder();
    http.request(o).compose(req -> req.send()).onSuccess(res -> {
      if (res.statusCode() != 200 || !"no".equals(res.getHeader("X-Accel-Buffering"))) {
        seen.completeExceptionally(new AssertionError("status " + res.statusCode() + ", X-Accel-Buffering " + res.getHeader("X-Accel-Buffering")));
        return;
      }
      res.handler(chunk -> {
        text.append(chunk.toString());
        if (text.indexOf(until) >= 0) {
          seen.complete(text.toString());
        }
      });
    }).onFailure(seen::completeExceptionally);
    return seen;
  }

  private static void assertKeyless(JsonObject shown, Question q) {
    for (String leak : List.of("answer", "accept", "tolerance", "evidence", "paragraph", "explanation", "example")) {
      assertFalse(shown.containsKey(leak), leak + " in " + shown.encode());
    }
    assertNotEquals(null, shown.getString("prompt"));
  }
}
