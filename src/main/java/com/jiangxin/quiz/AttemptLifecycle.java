package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.db.Sql;
import com.jiangxin.quiz.AttemptHistory.Kind;
import com.jiangxin.quiz.AttemptHistory.Step;
import com.jiangxin.quiz.AttemptService.Graded;
import com.jiangxin.quiz.AttemptService.QuestionGrade;
import com.jiangxin.quiz.AttemptService.Started;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.SerialExecutor;
import com.jiangxin.web.Times;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An attempt from start to finish: start (or resume), save answers as the student goes, submit
 * once. Every state change is one conditional update, written with its step in one transaction;
 * every save and submit checks the assignment as it is now.
 */
final class AttemptLifecycle {
  private final Pool pool;
  private final AttemptAccess access;
  private final Clock clock;
  private final SerialExecutor serial;

  AttemptLifecycle(Pool pool, AttemptAccess access, SerialExecutor serial, Clock clock) {
    this.serial = serial;
    this.pool = pool;
    this.access = access;
    this.clock = clock;
  }

  // ---- start ----

  Future<Started> startForAssignment(long assignmentId, User student) {
    return access.visibleAssignment(assignmentId, student).compose(a -> {
      if (!student.isStudent() || !a.callerIsMember()) {
        return Future.failedFuture(HttpError.forbidden("只有班级里的学生可以作答。老师可以从文章页“练习”试做。"));
      }
      long now = clock.millis();
      if (a.closed()) {
        return Future.failedFuture(HttpError.conflict("这个作业已经关闭。"));
      }
      if (a.opensAt() != null && now < a.opensAt()) {
        return Future.failedFuture(HttpError.conflict("这个作业还没开始。"));
      }
      if (a.dueAt() != null && now > AttemptService.deadline(a.dueAt())) {
        return Future.failedFuture(HttpError.conflict("已过截止时间，不能再开始作答。"));
      }
      String key = activeKey(a.id(), student.id());
      return serial.run(key, () -> access.active(key).compose(existing -> {
        if (existing.isPresent()) {
          return Future.succeededFuture(new Started(existing.get(), true));
        }
        return pool.preparedQuery(AttemptSql.COUNT_ATTEMPTS).execute(Tuple.of(a.id(), student.id()))
          .compose(rows -> {
            long used = rows.iterator().next().getLong("N");
            if (used >= a.maxAttempts()) {
              return Future.failedFuture(HttpError.conflict("作答次数已用完（共 " + a.maxAttempts() + " 次）。"));
            }
            return insert(a.id(), a.readingId(), student, AttemptService.deadline(a.dueAt()), a.shuffle(), key);
          });
      }));
    });
  }

  /** The key that allows one open attempt per student and assignment. */
  static String activeKey(long assignmentId, long studentId) {
    return "a:" + assignmentId + ":" + studentId;
  }

  Future<Started> startPractice(String readingId, User user) {
    Quiz quiz;
    try {
      quiz = access.quizFor(readingId);
    } catch (HttpError e) {
      return Future.failedFuture(e);
    }
    String key = "p:" + quiz.readingId() + ":" + user.id();
    return serial.run(key, () -> access.active(key).compose(existing -> existing.isPresent()
      ? Future.succeededFuture(new Started(existing.get(), true))
      : withinPracticeLimit(quiz.readingId(), user).compose(ok -> insert(null, quiz.readingId(), user, null, false, key))));
  }

  /**
   * Fails with 429 once the user has started {@link AttemptService#PRACTICE_PER_DAY} practice
   * attempts on the reading today. Only one practice attempt per reading can be open (a unique key),
   * so parallel starts cannot pass the limit together.
   */
  private Future<Void> withinPracticeLimit(String readingId, User user) {
    int limit = AttemptService.PRACTICE_PER_DAY;
    long now = clock.millis();
    long[] day = Times.dayAround(now);
    long dayStart = day[0];
    long nextDay = day[1];
    return pool.preparedQuery(AttemptSql.PRACTICE_STARTED_SINCE).execute(Tuple.of(user.id(), readingId, dayStart))
      .compose(rows -> rows.iterator().next().getLong("N") < limit
        ? Future.succeededFuture()
        : Future.failedFuture(new TooManyAttempts("这篇今天已经练习了 " + limit
          + " 次，明天再来吧。（每篇每天最多练习 " + limit + " 次）", (nextDay - now + 999) / 1000)));
  }

  private Future<Started> insert(Long assignmentId, String readingId, User user, Long deadline, boolean shuffle, String key) {
    Quiz quiz = access.quizFor(readingId);
    JsonObject order = displayOrder(quiz, shuffle, new Random());
    return pool.preparedQuery(AttemptSql.INSERT_ATTEMPT)
      .execute(Tuple.of(assignmentId, readingId, user.id(), quiz.version(), clock.millis(), deadline,
        order.encode(), key))
      .compose(rows -> access.load(Sql.generatedId(rows)))
      .map(t -> new Started(t, false))
      .recover(e -> Sql.isUniqueViolation(e)
        // another start won the race: answer with its attempt
        ? access.active(key).map(t -> new Started(t.orElseThrow(), true))
        : Future.failedFuture(e));
  }

  /** Per-attempt display order: option order when the assignment shuffles; ids never change. */
  static JsonObject displayOrder(Quiz quiz, boolean shuffle, Random random) {
    JsonObject order = new JsonObject();
    if (!shuffle) {
      return order;
    }
    for (Question q : quiz.questions()) {
      JsonObject view = q.studentView();
      for (String field : List.of("options", "right", "items")) {
        JsonArray arr = view.getJsonArray(field);
        if (arr != null && arr.size() > 1) {
          List<String> ids = new ArrayList<>();
          arr.forEach(o -> ids.add(((JsonObject) o).getString("id")));
          Collections.shuffle(ids, random);
          order.put(q.id() + "/" + field, new JsonArray(ids));
        }
      }
    }
    return order;
  }

  // ---- save ----

  /** Merges answers into the attempt in progress (null clears one). Checks every answer's shape. */
  Future<Attempt> saveAnswers(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> access.writable(id, student).compose(t -> {
      if (t.submitted()) {
        return Future.failedFuture(HttpError.conflict(t.autoSubmitted()
          ? "已到截止时间，这次作答已经自动提交，答案不能再改。" : "这次作答已经提交，答案不能再改。"));
      }
      return access.door(t).compose(door -> {
        if (door.closed()) {
          return Future.failedFuture(HttpError.conflict("老师已经关闭了这个作业，答案不能再改。"));
        }
        long now = clock.millis();
        if (door.deadline() != null && now > door.deadline()) {
          return Future.failedFuture(HttpError.conflict("已过截止时间，答案不能再改。"));
        }
        JsonObject merged = merge(t, answers);
        return pool.withTransaction(conn -> conn.preparedQuery(AttemptSql.SAVE_ANSWERS)
            .execute(Tuple.of(merged.encode(), now, id))
            .compose(rows -> rows.rowCount() == 1
              ? AttemptHistory.append(conn, id, Step.of(Kind.SAVED, now, student.id()).answers(answers))
              : Future.succeededFuture()))
          .compose(x -> access.load(id))
          .map(saved -> saved.withDeadline(door.deadline()));
      });
    }));
  }

  private JsonObject merge(Attempt t, JsonObject answers) {
    Quiz quiz = access.quizOf(t);
    JsonObject merged = t.answers().copy();
    for (Map.Entry<String, Object> e : answers) {
      Question q = quiz.question(e.getKey())
        .orElseThrow(() -> HttpError.badRequest("这份测验没有题目 “" + e.getKey() + "”。"));
      Object value = e.getValue();
      if (value == null) {
        merged.remove(q.id());
        continue;
      }
      Optional<String> problem = q.checkSize(value).or(() -> q.checkShape(value));
      if (problem.isPresent()) {
        throw HttpError.badRequest("第 " + (quiz.questions().indexOf(q) + 1) + " 题：" + problem.get());
      }
      merged.put(q.id(), value);
    }
    return merged;
  }

  // ---- submit ----

  /**
   * Grades and finishes the attempt in one transaction. A repeated submit answers with the stored
   * result and changes nothing; answers sent with it are ignored then.
   */
  Future<Attempt> submit(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> access.writable(id, student).compose(t -> {
      if (t.submitted()) {
        return Future.succeededFuture(t);
      }
      return access.door(t).compose(door -> {
        long now = clock.millis();
        if (door.closed()) {
          return Future.failedFuture(HttpError.conflict("老师已经关闭了这个作业，提交没有被接受。"));
        }
        if (door.deadline() != null && now > door.deadline()) {
          return Future.failedFuture(HttpError.conflict("已过截止时间，提交没有被接受。"));
        }
        JsonObject merged = answers == null ? t.answers() : merge(t, answers);
        Step step = Step.of(Kind.SUBMITTED, now, student.id()).answers(answers);
        return finish(t, merged, door.late(now), step)
          // a finish that lost a race (the deadline sweep, a second tab) answers with the winner's result
          .recover(e -> access.load(id).compose(after -> after.submitted() ? Future.succeededFuture(false) : Future.failedFuture(e)))
          .compose(x -> access.load(id));
      });
    }));
  }

  /**
   * Grades the answers and finishes the attempt in one transaction: one conditional state change
   * (it matches only an attempt still in progress), the graded rows and the step. Answers whether
   * this call finished it; false when someone else — a student's second tab, another node's sweep —
   * did first.
   *
   * @param step the submit or auto-submit, at the time the attempt counts as submitted
   */
  Future<Boolean> finish(Attempt t, JsonObject answers, boolean late, Step step) {
    Quiz quiz = access.quizOf(t);
    Graded graded = AttemptService.grade(quiz, answers);
    return pool.withTransaction(conn -> conn.preparedQuery(AttemptSql.FINISH)
      .execute(Tuple.of(step.at(), graded.score(), graded.max(), graded.pending(), late, answers.encode(),
        quiz.version(), step.kind() == Kind.AUTO_SUBMITTED, t.id()))
      .compose(rows -> rows.rowCount() == 1
        ? insertResponses(conn, t.id(), graded)
          .compose(x -> AttemptHistory.append(conn, t.id(), step.scores(null, graded.score())))
          .map(true)
        : Future.succeededFuture(false)));
  }

  static Future<Void> insertResponses(SqlConnection conn, long attemptId, Graded graded) {
    List<Tuple> batch = new ArrayList<>();
    for (QuestionGrade g : graded.questions()) {
      batch.add(Tuple.of(attemptId, g.question().id(), g.question().example(),
        g.answer() == null ? null : Json.encode(g.answer()), g.fraction(), AttemptService.round(g.points()),
        g.question().points(), g.pending()));
    }
    return conn.preparedQuery(AttemptSql.INSERT_RESPONSE).executeBatch(batch).mapEmpty();
  }
}
