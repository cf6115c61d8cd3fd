package com.jiangxin.results;

import com.jiangxin.support.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo class's simulated attempts are recorded as the quiz feature records live ones: with their steps. */
class DemoHistoryTest {
  private static long count(TestServer server, String sql) {
    return server.app.pool().query(sql).execute().await().iterator().next().getLong(0);
  }

  @Test
  @DisplayName("every simulated attempt has its history: saves or a submit by the student, a graded step for each teacher grade")
  void demoAttemptsHaveSteps() {
    try (TestServer server = TestServer.start(Map.of("DEMO", "1"))) {
      assertTrue(count(server, "SELECT COUNT(*) FROM attempts") > 0);
      assertEquals(0, count(server, "SELECT COUNT(*) FROM attempts t WHERE NOT EXISTS "
        + "(SELECT 1 FROM attempt_steps s WHERE s.attempt_id = t.id AND s.actor_id = t.user_id "
        + "AND s.kind = CASE WHEN t.status = 'submitted' THEN 'submitted' ELSE 'saved' END)"),
        "an attempt without the student's own step");
      long teacherGrades = count(server, "SELECT COUNT(*) FROM responses WHERE graded_by IS NOT NULL");
      assertTrue(teacherGrades > 0, "the demo teacher graded some open answers");
      assertEquals(teacherGrades, count(server, "SELECT COUNT(*) FROM responses r JOIN attempt_steps s "
        + "ON s.attempt_id = r.attempt_id AND s.question_id = r.question_id AND s.kind = 'graded' "
        + "AND s.actor_id = r.graded_by AND s.happened_at = r.graded_at AND s.points = r.points"),
        "each teacher grade is a graded step by that teacher, at that time, with those points");
      assertEquals(0, count(server, "SELECT COUNT(*) FROM attempts t JOIN attempt_steps s ON s.attempt_id = t.id "
        + "WHERE s.seq = (SELECT MAX(x.seq) FROM attempt_steps x WHERE x.attempt_id = t.id) "
        + "AND t.status = 'submitted' AND ABS(s.score_after - t.score) > 0.001"),
        "the last step's score is the attempt's score");
    }
  }
}
