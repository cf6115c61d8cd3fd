package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.quiz.AttemptHistory.Kind;
import com.jiangxin.quiz.AttemptHistory.Step;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Numbers;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;

/**
 * A teacher's grade of an open answer: the only way another feature (the grading queue of
 * {@code results}) changes an attempt. The response, the attempt's total and the {@code graded}
 * step are written in one transaction.
 */
public final class Grading {
  private final Pool pool;
  private final AttemptAccess access;
  private final Clock clock;

  Grading(Pool pool, AttemptAccess access, Clock clock) {
    this.pool = pool;
    this.access = access;
    this.clock = clock;
  }

  /** An attempt's totals after a grade. */
  public record Totals(long attemptId, double score, double maxScore, int pending) {
  }

  /**
   * Records the teacher's points (rounded to hundredths) and comment for one open answer of a
   * submitted attempt of their class, and the attempt's new total and pending count.
   *
   * @throws HttpError 403 for a student, 404 for an attempt of another class or no such question,
   *                   409 for an attempt in progress, 400 for a question graded automatically or
   *                   points outside 0..the question's points
   */
  public Future<Totals> gradeOpenAnswer(long attemptId, String questionId, double points, String comment, User teacher) {
    if (!teacher.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以批改。"));
    }
    double given = Math.round(points * 100) / 100.0;
    return access.load(attemptId).compose(t -> access.teaches(t, teacher).compose(yes -> {
      if (!yes) {
        return Future.failedFuture(HttpError.notFound("没有这次作答，或你不是这个班的老师。"));
      }
      if (!t.submitted()) {
        return Future.failedFuture(HttpError.conflict("这次作答还没有提交，不能批改。"));
      }
      Quiz quiz = access.quizOf(t);
      Question q = quiz.question(questionId)
        .orElseThrow(() -> HttpError.notFound("这份测验没有题目 “" + questionId + "”。"));
      if (q.type().autoGraded()) {
        return Future.failedFuture(HttpError.badRequest("第 " + (quiz.questions().indexOf(q) + 1)
          + " 题由系统自动评分，只有开放题需要老师批改。"));
      }
      return record(attemptId, questionId, given, comment, teacher);
    }));
  }

  private Future<Totals> record(long attemptId, String questionId, double points, String comment, User teacher) {
    long now = clock.millis();
    return pool.withTransaction(conn -> conn.preparedQuery(AttemptSql.RESPONSE_FOR_GRADING)
      .execute(Tuple.of(attemptId, questionId)).compose(rows -> {
        if (!rows.iterator().hasNext()) {
          return Future.failedFuture(HttpError.notFound("这次作答没有题目 “" + questionId + "”。"));
        }
        Row response = rows.iterator().next();
        double max = response.getDouble("MAX_POINTS");
        if (!(points >= 0 && points <= max)) {
          return Future.failedFuture(HttpError.badRequest("分数须在 0 到 " + Numbers.points(max) + " 之间。"));
        }
        return conn.preparedQuery(AttemptSql.SET_GRADE)
          .execute(Tuple.of(points, points / max, comment, teacher.id(), now, attemptId, questionId))
          .compose(x -> conn.preparedQuery(AttemptSql.RECOMPUTE_ATTEMPT).execute(Tuple.of(attemptId, attemptId, attemptId)))
          .compose(x -> conn.preparedQuery(AttemptSql.ATTEMPT_TOTALS).execute(Tuple.of(attemptId)))
          .compose(totals -> {
            Row r = totals.iterator().next();
            Totals after = new Totals(attemptId, r.getDouble("SCORE"), r.getDouble("MAX_SCORE"), r.getInteger("PENDING"));
            // the points this grade replaced, as read when the transaction began
            double before = AttemptService.round(after.score() - points + response.getDouble("POINTS"));
            Step step = Step.of(Kind.GRADED, now, teacher.id()).question(questionId, points).scores(before, after.score());
            return AttemptHistory.append(conn, attemptId, step).map(after);
          });
      }));
  }
}
