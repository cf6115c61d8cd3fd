package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.quiz.AttemptHistory.Kind;
import com.jiangxin.quiz.AttemptHistory.Step;
import com.jiangxin.quiz.AttemptService.Graded;
import com.jiangxin.quiz.AttemptService.Moved;
import com.jiangxin.quiz.AttemptService.QuestionGrade;
import com.jiangxin.web.SerialExecutor;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grading an assignment's submitted attempts again against the current key, after the teacher
 * fixed it. Responses change in place, so a teacher's grade of an open answer — points, comment,
 * who and when — stays; each attempt whose grade changed gets a {@code regraded} step.
 */
final class Regrading {
  private final Pool pool;
  private final AttemptAccess access;
  private final Clock clock;
  private final SerialExecutor serial;

  Regrading(Pool pool, AttemptAccess access, SerialExecutor serial, Clock clock) {
    this.serial = serial;
    this.pool = pool;
    this.access = access;
    this.clock = clock;
  }

  /** Regrades every submitted attempt of the assignment in one transaction; answers the attempts whose score moved. */
  Future<List<Moved>> regrade(long assignmentId, User teacher) {
    return access.taughtAssignment(assignmentId, teacher, "只有这个班的老师可以重新评分。").compose(a -> {
      Quiz quiz = access.quizFor(a.readingId());
      return serial.run("regrade:" + assignmentId, () -> pool.withTransaction(conn ->
        conn.preparedQuery(AttemptSql.SUBMITTED_OF_ASSIGNMENT).execute(Tuple.of(assignmentId)).compose(rows -> {
          List<Attempt> attempts = new ArrayList<>();
          rows.forEach(r -> attempts.add(Attempt.from(r)));
          List<Moved> moved = new ArrayList<>();
          long now = clock.millis();
          Future<Void> chain = Future.succeededFuture();
          for (Attempt t : attempts) {
            chain = chain.compose(x -> regradeOne(conn, quiz, t, teacher, now).map(after -> {
              if (t.score() == null || Math.abs(after - t.score()) > 1e-9) {
                moved.add(new Moved(t.id(), t.userId(), t.score() == null ? 0 : t.score(), after));
              }
              return null;
            }));
          }
          return chain.map(moved);
        })));
    });
  }

  private Future<Double> regradeOne(SqlConnection conn, Quiz quiz, Attempt t, User teacher, long now) {
    return conn.preparedQuery(AttemptSql.RESPONSES_OF_ATTEMPT).execute(Tuple.of(t.id())).compose(rows -> {
      Map<String, Row> stored = new HashMap<>();
      rows.forEach(r -> stored.put(r.getString("QUESTION_ID"), r));
      Graded fresh = AttemptService.grade(quiz, t.answers());
      List<Tuple> updates = new ArrayList<>();
      List<Tuple> inserts = new ArrayList<>();
      double score = 0;
      int pending = 0;
      boolean changed = false;
      for (QuestionGrade g : fresh.questions()) {
        Question q = g.question();
        Row r = stored.remove(q.id());
        boolean teacherGraded = r != null && r.getLong("GRADED_BY") != null && !q.type().autoGraded();
        double points = teacherGraded ? Math.min(r.getDouble("POINTS"), q.points()) : AttemptService.round(g.points());
        boolean isPending = !teacherGraded && g.pending();
        double fraction = teacherGraded ? points / q.points() : g.fraction();
        score += points;
        pending += isPending ? 1 : 0;
        if (r == null) {
          inserts.add(Tuple.of(t.id(), q.id(), q.example(), g.answer() == null ? null : Json.encode(g.answer()),
            fraction, points, q.points(), isPending));
          changed = true;
          continue;
        }
        changed |= Math.abs(r.getDouble("POINTS") - points) > 1e-9
          || Boolean.TRUE.equals(r.getBoolean("PENDING")) != isPending;
        updates.add(Tuple.of(q.example(), fraction, points, q.points(), isPending, t.id(), q.id()));
      }
      // answers to questions the quiz no longer has count no more
      List<Tuple> deletes = new ArrayList<>();
      stored.keySet().forEach(qid -> deletes.add(Tuple.of(t.id(), qid)));
      changed |= !deletes.isEmpty();
      double total = AttemptService.round(score);
      int stillPending = pending;
      boolean record = changed || t.score() == null || Math.abs(total - t.score()) > 1e-9;
      return batch(conn, AttemptSql.REGRADE_RESPONSE, updates)
        .compose(x -> batch(conn, AttemptSql.INSERT_RESPONSE, inserts))
        .compose(x -> batch(conn, AttemptSql.DELETE_RESPONSE, deletes))
        .compose(x -> conn.preparedQuery(AttemptSql.REGRADE)
          .execute(Tuple.of(total, fresh.max(), stillPending, quiz.version(), t.id())))
        .compose(x -> record
          ? AttemptHistory.append(conn, t.id(), Step.of(Kind.REGRADED, now, teacher.id()).scores(t.score(), total))
          : Future.succeededFuture())
        .map(total);
    });
  }

  private static Future<Void> batch(SqlConnection conn, String sql, List<Tuple> tuples) {
    return tuples.isEmpty() ? Future.succeededFuture() : conn.preparedQuery(sql).executeBatch(tuples).mapEmpty();
  }
}
