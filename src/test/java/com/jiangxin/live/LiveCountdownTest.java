package com.jiangxin.live;

import com.jiangxin.quiz.Question;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Login;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.jiangxin.live.LiveFixtures.asPlayer;
import static com.jiangxin.live.LiveFixtures.join;
import static com.jiangxin.live.LiveFixtures.right;
import static com.jiangxin.live.LiveFixtures.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveCountdownTest {
  private static TestServer server;
  private static Login teacher;
  private static List<Question> questions;

  @BeforeAll
  static void startServer() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    questions = LiveFixtures.liveQuestions(LiveFixtures.READING);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static HttpResponse<Buffer> answer(long id, JsonObject player, Question q) {
    return asPlayer(server, "POST", "/api/v1/live/" + id + "/answers",
      new JsonObject().put("questionId", q.id()).put("answer", right(q)), player.getString("playerToken"));
  }

  @Test
  @DisplayName("with a countdown, an answer within it (and its 1 s of grace) counts; one after it is 409 with a clear message and is not counted")
  void lateAnswersAreRefused() throws Exception {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING)
      .put("guests", true).put("countdown", 3));
    assertEquals(3, s.getInteger("countdown"));
    long id = s.getLong("id");
    JsonObject quick = join(server, s.getString("pin"), "快手", null);
    JsonObject slow = join(server, s.getString("pin"), "慢手", null);
    JsonObject next = server.postJson("/api/v1/live/" + id + "/next", new JsonObject(), teacher.token()).bodyAsJsonObject();
    assertEquals(3, next.getInteger("countdown"), next.encode());
    Question first = questions.get(0);
    assertEquals(202, answer(id, quick, first).statusCode());
    // the server runs in this JVM, on this clock: wait until the countdown and its grace are over
    long over = next.getLong("questionAt") + 3_000 + LiveGame.COUNTDOWN_GRACE_MS + 200;
    Thread.sleep(Math.max(0, over - System.currentTimeMillis()));
    HttpResponse<Buffer> late = answer(id, slow, first);
    assertEquals(409, late.statusCode(), late.bodyAsString());
    String message = late.bodyAsJsonObject().getString("error");
    assertTrue(message.contains("时间到") && message.contains("3 秒倒计时"), message);
    JsonObject reveal = server.postJson("/api/v1/live/" + id + "/reveal", new JsonObject(), teacher.token()).bodyAsJsonObject();
    assertEquals(1, reveal.getInteger("answered"), reveal.encode());
    assertEquals(1, reveal.getInteger("correct"), reveal.encode());
  }

  @Test
  @DisplayName("without a countdown (the default) an answer is taken however long the class thinks")
  void noCountdownNoLimit() throws Exception {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING).put("guests", true));
    assertEquals(0, s.getInteger("countdown"));
    long id = s.getLong("id");
    JsonObject thinker = join(server, s.getString("pin"), "沉思", null);
    assertEquals(200, server.postJson("/api/v1/live/" + id + "/next", new JsonObject(), teacher.token()).statusCode());
    Thread.sleep(2_300);
    assertEquals(202, answer(id, thinker, questions.get(0)).statusCode());
  }
}
