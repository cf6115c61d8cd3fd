package com.jiangxin.results;

import com.jiangxin.content.Content;
import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoAttemptsTest {
  private static final Path QUIZZES = Path.of("quizzes");

  private static QuizBank bank() {
    return QuizBank.load(QUIZZES, Content.loadReadings(QUIZZES));
  }

  @Test
  @DisplayName("every question the demo names exists in the bank, and every misreading it plants is graded wrong")
  void demoFollowsTheBank() {
    assertEquals(List.of(), DemoAttempts.staleEntries(bank()));
  }

  private static long count(TestServer server, String sql) {
    return server.app.pool().query(sql).execute().await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName("DEMO=1 gives the demo class a spread of scores, a common misreading and open answers to grade — once, not again on restart")
  void demoIsAliveAndIdempotent() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-demo");
    long attempts;
    long responses;
    try {
      try (TestServer server = TestServer.start(dir, Map.of("DEMO", "1"), false)) {
        attempts = count(server, "SELECT COUNT(*) FROM attempts");
        responses = count(server, "SELECT COUNT(*) FROM responses");
        assertTrue(attempts >= 40, "most of the thirty students submitted both showcase assignments: " + attempts);
        String token = server.postJson("/api/v1/auth/login", new JsonObject().put("username", DemoSeed.TEACHER)
          .put("password", DemoSeed.PASSWORD), null).bodyAsJsonObject().getString("token");
        long pian05 = count(server, "SELECT a.id FROM assignments a WHERE a.reading_id = 'pian-05'");
        JsonObject report = server.get("/api/v1/assignments/" + pian05 + "/report", token).bodyAsJsonObject();
        assertEquals("哈里森", report.getString("mostMisread"));
        // the numeric question about 哈里森 in pian-05 (his clocks): its commonest wrong answer is 3
        String clocksId = bank().forReading("pian-05").orElseThrow().questions().stream()
          .filter(q -> q.example().equals("哈里森") && q.type() instanceof Numeric).map(Question::id)
          .findFirst().orElseThrow();
        JsonObject clocks = report.getJsonArray("questions").stream().map(o -> (JsonObject) o)
          .filter(q -> q.getString("id").equals(clocksId)).findFirst().orElseThrow();
        assertEquals("3", clocks.getJsonObject("mostCommonWrong").getString("key"));
        JsonArray bins = report.getJsonObject("distribution").getJsonArray("bins");
        long nonEmpty = bins.stream().filter(b -> ((JsonObject) b).getInteger("count") > 0).count();
        assertTrue(nonEmpty >= 6, "a spread of scores, not one heap: " + bins.encode());
        assertTrue(report.getLong("pendingToGrade") > 0, "open answers wait in the grading queue");
      }
      try (TestServer again = TestServer.start(dir, Map.of("DEMO", "1"), false)) {
        assertEquals(attempts, count(again, "SELECT COUNT(*) FROM attempts"), "a restart adds no attempts");
        assertEquals(responses, count(again, "SELECT COUNT(*) FROM responses"));
      }
    } finally {
      TestServer.deleteTree(dir);
    }
  }
}
