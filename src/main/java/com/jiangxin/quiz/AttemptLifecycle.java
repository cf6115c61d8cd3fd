package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.db.Sql;
import com.jiangxin.quiz.AttemptAccess.Door;
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
import java.util.Arrays;
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
      // the insert counts the attempts used itself; only when it inserts nothing (or meets the open
      // attempt's unique key) is the open attempt looked up
      return serial.run(key, () -> startWithinLimit(a, student, key)
        .compose(made -> made.isPresent() ? Future.succeededFuture(new Started(made.get(), false))
          : access.active(key).compose(existing -> existing.isPresent()
            ? Future.succeededFuture(new Started(existing.get(), true))
            : Future.failedFuture(HttpError.conflict("作答次数已用完（共 " + a.maxAttempts() + " 次）。"))))
        .recover(e -> Sql.isUniqueViolation(e)
          // an open attempt exists, or another start won the race: answer with it
          ? access.active(key).map(t -> new Started(t.orElseThrow(), true))
          : Future.failedFuture(e)));
    });
  }

  /** Inserts a new attempt unless the student has used up the assignment's attempts; empty then. */
  private Future<Optional<Attempt>> startWithinLimit(AssignmentInfo a, User student, String key) {
    Quiz quiz = access.quizFor(a.readingId());
    JsonObject order = displayOrder(quiz, a.shuffle(), new Random());
    long now = clock.millis();
    Long deadline = AttemptService.deadline(a.dueAt());
    return pool.preparedQuery(AttemptSql.START_WITHIN_LIMIT)
      .execute(Tuple.from(Arrays.asList(a.readingId(), student.id(), quiz.version(), now, deadline, order.encode(), key,
        a.id(), student.id())))
      .map(rows -> rows.rowCount() == 0 ? Optional.empty()
        : Optional.of(started(Sql.generatedId(rows), a.id(), a.readingId(), student, quiz, now, deadline, order)));
  }

  /** A new attempt as it was just inserted, without reading it back. */
  private static Attempt started(long id, Long assignmentId, String readingId, User user, Quiz quiz, long at,
                                 Long deadline, JsonObject order) {
    return new Attempt(id, assignmentId, readingId, user.id(), quiz.version(), "in_progress", at, null, null, deadline,
      null, null, 0, false, new JsonObject(), order, null, false);
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
    long now = clock.millis();
    return pool.preparedQuery(AttemptSql.INSERT_ATTEMPT)
      .execute(Tuple.of(assignmentId, readingId, user.id(), quiz.version(), now, deadline, order.encode(), key))
      .map(rows -> new Started(started(Sql.generatedId(rows), assignmentId, readingId, user, quiz, now, deadline, order),
        false))
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

  /**
   * Merges answers into the attempt in progress (null clears one). Checks every answer's shape. One
   * read (the attempt with its assignment's door) and one transaction; the saved attempt is not read back.
   */
  Future<Attempt> saveAnswers(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> access.writableWithAssignment(id, student).compose(w -> {
      Attempt t = w.attempt();
      Door door = w.door();
      if (t.submitted()) {
        return Future.failedFuture(HttpError.conflict(t.autoSubmitted()
          ? autoSubmitted(door, "答案不能再改。") : "这次作答已经提交，答案不能再改。"));
      }
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
            ? AttemptHistory.append(conn, id, Step.of(Kind.SAVED, now, student.id()).answers(answers)).map(true)
            : Future.succeededFuture(false)))
        // saved: the attempt as written; else it was finished meanwhile, and is read as it is
        .compose(saved -> saved ? Future.succeededFuture(saved(t, merged, now)) : access.load(id))
        .map(after -> after.withDeadline(door.deadline()));
    }));
  }

  /** The attempt as a save left it, without reading it back. */
  private static Attempt saved(Attempt t, JsonObject answers, long at) {
    return new Attempt(t.id(), t.assignmentId(), t.readingId(), t.userId(), t.quizVersion(), t.status(), t.startedAt(),
      at, t.submittedAt(), t.deadline(), t.score(), t.maxScore(), t.pending(), t.late(), answers, t.optionOrder(),
      t.gradedVersion(), t.autoSubmitted());
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
    return submitAndKeep(id, student, answers).map(Submitted::attempt);
  }

  /**
   * An attempt just submitted, with what showing it needs, held from the submit itself so that
   * nothing written is read back.
   *
   * @param graded null when this submit did not finish it (a repeat, or another finish won): the
   *               attempt is then as stored, and {@code steps} null
   */
  record Submitted(Attempt attempt, AttemptAccess.Writable assignment, Graded graded, List<Step> steps) {
  }

  /**
   * The submit, in one read (the attempt with its assignment as it is now) and one transaction (the
   * state change, the graded rows, the step). A repeat answers with the stored result.
   */
  Future<Submitted> submitAndKeep(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> access.writableWithAssignment(id, student).compose(w -> {
      Attempt t = w.attempt();
      Door door = w.door();
      if (t.submitted() && t.autoSubmitted() && answers != null && !answers.isEmpty()) {
        // the server finished it (the teacher closed the assignment, or the deadline passed): the
        // answers this request brings were not taken, and the student must be told so
        return Future.failedFuture(HttpError.conflict(autoSubmitted(door, "这次提交没有被接受。")));
      }
      if (t.submitted()) {
        return Future.succeededFuture(new Submitted(t, w, null, null));
      }
      long now = clock.millis();
      if (door.closed()) {
        return Future.failedFuture(HttpError.conflict("老师已经关闭了这个作业，提交没有被接受。"));
      }
      if (door.deadline() != null && now > door.deadline()) {
        return Future.failedFuture(HttpError.conflict("已过截止时间，提交没有被接受。"));
      }
      JsonObject merged = answers == null ? t.answers() : merge(t, answers);
      Step step = Step.of(Kind.SUBMITTED, now, student.id()).answers(answers);
      Quiz quiz = access.quizOf(t);
      Graded graded = AttemptService.grade(quiz, merged);
      boolean late = door.late(now);
      Step recorded = step.scores(null, graded.score());
      return pool.withTransaction(conn -> finishOn(conn, t, quiz, graded, merged, late, recorded)
          .compose(won -> !won ? Future.succeededFuture((List<Step>) null)
            // an attempt never saved has no steps before this one (a save sets saved_at)
            : t.savedAt() == null ? Future.succeededFuture(List.of(recorded.first(student.displayName())))
            : AttemptHistory.steps(conn, t.id())))
        .compose(steps -> steps == null
          ? access.load(id).map(after -> new Submitted(after, w, null, null))
          : Future.succeededFuture(new Submitted(submitted(t, quiz, graded, merged, late, now), w, graded, steps)))
        // a finish that lost a race (the deadline sweep, a second tab) answers with the winner's result
        .recover(e -> access.load(id).compose(after -> after.submitted()
          ? Future.succeededFuture(new Submitted(after, w, null, null)) : Future.failedFuture(e)));
    }));
  }

  /** Why an attempt the server submitted takes no more answers, and what it did with the saved ones. */
  private static String autoSubmitted(Door door, String outcome) {
    return (door.closed() ? "老师已经关闭了这个作业，这次作答已用关闭前保存的答案自动提交，"
      : "已到截止时间，这次作答已用截止前保存的答案自动提交，") + outcome;
  }

  /** The attempt as {@link #finishOn} left it, without reading it back. */
  private static Attempt submitted(Attempt t, Quiz quiz, Graded graded, JsonObject answers, boolean late, long at) {
    return new Attempt(t.id(), t.assignmentId(), t.readingId(), t.userId(), t.quizVersion(), "submitted", t.startedAt(),
      t.savedAt(), at, t.deadline(), graded.score(), graded.max(), graded.pending(), late, answers, t.optionOrder(),
      quiz.version(), false);
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
    return pool.withTransaction(conn -> finishOn(conn, t, quiz, graded, answers, late, step.scores(null, graded.score())));
  }

  /** The finish's statements, on the connection of its transaction: state change, graded rows (one batch), step. */
  private static Future<Boolean> finishOn(SqlConnection conn, Attempt t, Quiz quiz, Graded graded, JsonObject answers,
                                          boolean late, Step step) {
    return conn.preparedQuery(AttemptSql.FINISH)
      .execute(Tuple.of(step.at(), graded.score(), graded.max(), graded.pending(), late, answers.encode(),
        quiz.version(), step.kind() == Kind.AUTO_SUBMITTED, t.id()))
      .compose(rows -> rows.rowCount() == 1
        ? insertResponses(conn, t.id(), graded)
          .compose(x -> AttemptHistory.append(conn, t.id(), step))
          .map(true)
        : Future.succeededFuture(false));
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
