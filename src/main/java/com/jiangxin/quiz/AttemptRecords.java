package com.jiangxin.quiz;

import com.jiangxin.db.Sql;
import com.jiangxin.quiz.AttemptAccess.Door;
import com.jiangxin.quiz.AttemptHistory.Kind;
import com.jiangxin.quiz.AttemptHistory.Step;
import com.jiangxin.quiz.AttemptService.Graded;
import com.jiangxin.quiz.AttemptService.QuestionGrade;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Attempts that happened elsewhere, written as the quiz feature writes live ones (the demo class's
 * simulated work): the same rows, the same grading and lateness rules, the same steps.
 */
public final class AttemptRecords {
  private AttemptRecords() {
  }

  /** A teacher's grade of an open answer, given at {@code at}. */
  public record TeacherGrade(double points, String comment, long teacherId, long at) {
  }

  /** An attempt still in progress, last saved at {@code savedAt}, at an assignment due at {@code dueAt} (or null). */
  public static Future<Void> recordOpen(SqlConnection conn, long assignmentId, long userId, Quiz quiz,
                                        JsonObject answers, long startedAt, long savedAt, Long dueAt) {
    return conn.preparedQuery(AttemptSql.RECORD_OPEN_ATTEMPT)
      .execute(Tuple.from(Arrays.asList(assignmentId, quiz.readingId(), userId, quiz.version(), startedAt, savedAt,
        AttemptService.deadline(dueAt), answers.encode(), AttemptLifecycle.activeKey(assignmentId, userId))))
      .compose(rows -> AttemptHistory.append(conn, Sql.generatedId(rows),
        Step.of(Kind.SAVED, savedAt, userId).answers(answers)));
  }

  /**
   * A submitted attempt, graded by the quiz's own grading; open answers found in {@code grades}
   * carry the teacher's grade, the others wait for one.
   */
  public static Future<Void> recordSubmitted(SqlConnection conn, long assignmentId, long userId, Quiz quiz,
                                             JsonObject answers, long startedAt, long submittedAt, Long dueAt,
                                             Map<String, TeacherGrade> grades) {
    Graded graded = AttemptService.grade(quiz, answers);
    List<List<Object>> responses = new ArrayList<>();
    List<Map.Entry<String, TeacherGrade>> given = new ArrayList<>();
    double score = 0;
    int pending = 0;
    for (QuestionGrade g : graded.questions()) {
      Question q = g.question();
      TeacherGrade teacher = g.pending() ? grades.get(q.id()) : null;
      double points = teacher == null ? g.points() : Math.min(teacher.points(), q.points());
      score += points;
      pending += g.pending() && teacher == null ? 1 : 0;
      if (teacher != null) {
        given.add(Map.entry(q.id(), new TeacherGrade(points, teacher.comment(), teacher.teacherId(), teacher.at())));
      }
      responses.add(Arrays.asList(q.id(), q.example(),
        g.answer() == null ? null : Json.encode(g.answer()), points / q.points(), AttemptService.round(points),
        q.points(), g.pending() && teacher == null, teacher == null ? null : teacher.comment(),
        teacher == null ? null : teacher.teacherId(), teacher == null ? null : teacher.at()));
    }
    double total = AttemptService.round(score);
    boolean late = Door.of(false, dueAt).late(submittedAt);
    given.sort(Comparator.comparingLong(e -> e.getValue().at()));
    return conn.preparedQuery(AttemptSql.RECORD_SUBMITTED_ATTEMPT)
      .execute(Tuple.from(Arrays.asList(assignmentId, quiz.readingId(), userId, quiz.version(), startedAt,
        submittedAt, submittedAt, AttemptService.deadline(dueAt), total, graded.max(), pending, late,
        answers.encode(), quiz.version())))
      .compose(rows -> {
        long attemptId = Sql.generatedId(rows);
        List<Tuple> batch = new ArrayList<>();
        for (List<Object> values : responses) {
          Tuple t = Tuple.tuple().addLong(attemptId);
          values.forEach(t::addValue);
          batch.add(t);
        }
        Future<Void> chain = conn.preparedQuery(AttemptSql.RECORD_RESPONSE).executeBatch(batch)
          .compose(x -> AttemptHistory.append(conn, attemptId,
            Step.of(Kind.SUBMITTED, submittedAt, userId).answers(answers).scores(null, graded.score())));
        double running = graded.score();
        for (Map.Entry<String, TeacherGrade> e : given) {
          TeacherGrade teacher = e.getValue();
          double before = running;
          running = AttemptService.round(running + teacher.points());
          Step step = Step.of(Kind.GRADED, teacher.at(), teacher.teacherId()).question(e.getKey(), teacher.points())
            .scores(before, running);
          chain = chain.compose(x -> AttemptHistory.append(conn, attemptId, step));
        }
        return chain;
      });
  }
}
