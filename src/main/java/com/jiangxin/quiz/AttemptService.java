package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.classroom.AssignmentAccess;
import com.jiangxin.db.Sql;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.SerialExecutor;
import com.jiangxin.web.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The life of an attempt: start (or resume), save answers as the student goes, submit once — or be
 * submitted by the server at the deadline — grade on the server, and show the result as the
 * feedback policies of the reading's assignments allow. Every read and write checks that the caller
 * may touch the attempt (foreign ids answer 404), and every save and submit checks the assignment
 * as it is now.
 */
public final class AttemptService {
  /** A submit this long after the due time still counts (marked late), for slow school Wi-Fi. */
  public static final long GRACE_MS = 60_000;
  /** Practice attempts one student may start on one reading per day (Asia/Shanghai). */
  public static final int PRACTICE_PER_DAY = 20;
  private static final Logger LOG = LoggerFactory.getLogger(AttemptService.class);

  private final Pool pool;
  private final QuizBank bank;
  private final Clock clock;
  private final SerialExecutor serial;
  private final AssignmentAccess access;

  public AttemptService(Vertx vertx, Pool pool, QuizBank bank, Clock clock) {
    this.serial = new SerialExecutor(vertx, "attempts");
    this.access = new AssignmentAccess(pool);
    this.pool = pool;
    this.bank = bank;
    this.clock = clock;
  }

  /** An attempt and whether it was already in progress. */
  public record Started(Attempt attempt, boolean resumed) {
  }

  /** The assignment if the caller may see it (its teacher or a student of its class); 404 otherwise. */
  Future<AssignmentInfo> visibleAssignment(long assignmentId, User caller) {
    return access.visibleTo(caller, assignmentId).map(found -> found.map(AssignmentInfo::from)
      .orElseThrow(() -> HttpError.notFound("没有这个作业，或你不在这个班级。")));
  }

  Quiz quizFor(String readingId) {
    return bank.forReading(readingId)
      .orElseThrow(() -> HttpError.notFound("这篇文章还没有测验：" + readingId));
  }

  // ---- start ----

  public Future<Started> startForAssignment(long assignmentId, User student) {
    return visibleAssignment(assignmentId, student).compose(a -> {
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
      if (a.dueAt() != null && now > a.dueAt() + GRACE_MS) {
        return Future.failedFuture(HttpError.conflict("已过截止时间，不能再开始作答。"));
      }
      String key = "a:" + a.id() + ":" + student.id();
      return serial.run(key, () -> active(key).compose(existing -> {
        if (existing.isPresent()) {
          return Future.succeededFuture(new Started(existing.get(), true));
        }
        return pool.preparedQuery(AttemptSql.COUNT_ATTEMPTS).execute(Tuple.of(a.id(), student.id()))
          .compose(rows -> {
            long used = rows.iterator().next().getLong("N");
            if (used >= a.maxAttempts()) {
              return Future.failedFuture(HttpError.conflict("作答次数已用完（共 " + a.maxAttempts() + " 次）。"));
            }
            Long deadline = a.dueAt() == null ? null : a.dueAt() + GRACE_MS;
            return insert(a.id(), a.readingId(), student, deadline, a.shuffle(), key);
          });
      }));
    });
  }

  public Future<Started> startPractice(String readingId, User user) {
    Quiz quiz;
    try {
      quiz = quizFor(readingId);
    } catch (HttpError e) {
      return Future.failedFuture(e);
    }
    String key = "p:" + quiz.readingId() + ":" + user.id();
    return serial.run(key, () -> active(key).compose(existing -> existing.isPresent()
      ? Future.succeededFuture(new Started(existing.get(), true))
      : withinPracticeLimit(quiz.readingId(), user).compose(ok -> insert(null, quiz.readingId(), user, null, false, key))));
  }

  /**
   * Fails with 429 once the user has started {@link #PRACTICE_PER_DAY} practice attempts on the
   * reading today. Only one practice attempt per reading can be open (a unique key), so parallel
   * starts cannot pass the limit together.
   */
  private Future<Void> withinPracticeLimit(String readingId, User user) {
    long now = clock.millis();
    long[] day = Times.dayAround(now);
    long dayStart = day[0];
    long nextDay = day[1];
    return pool.preparedQuery(AttemptSql.PRACTICE_STARTED_SINCE).execute(Tuple.of(user.id(), readingId, dayStart))
      .compose(rows -> rows.iterator().next().getLong("N") < PRACTICE_PER_DAY
        ? Future.succeededFuture()
        : Future.failedFuture(new TooManyAttempts("这篇今天已经练习了 " + PRACTICE_PER_DAY
          + " 次，明天再来吧。（每篇每天最多练习 " + PRACTICE_PER_DAY + " 次）", (nextDay - now + 999) / 1000)));
  }

  private Future<Optional<Attempt>> active(String key) {
    return pool.preparedQuery(AttemptSql.ATTEMPT_BY_ACTIVE_KEY).execute(Tuple.of(key)).map(AttemptService::first);
  }

  private Future<Started> insert(Long assignmentId, String readingId, User user, Long deadline, boolean shuffle, String key) {
    Quiz quiz = quizFor(readingId);
    JsonObject order = displayOrder(quiz, shuffle, new Random());
    return pool.preparedQuery(AttemptSql.INSERT_ATTEMPT)
      .execute(Tuple.of(assignmentId, readingId, user.id(), quiz.version(), clock.millis(), deadline,
        order.encode(), key))
      .compose(rows -> load(Sql.generatedId(rows)))
      .map(t -> new Started(t, false))
      .recover(e -> Sql.isUniqueViolation(e)
        // another start won the race: answer with its attempt
        ? active(key).map(t -> new Started(t.orElseThrow(), true))
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

  // ---- read ----

  Future<Attempt> load(long id) {
    return pool.preparedQuery(AttemptSql.ATTEMPT_BY_ID).execute(Tuple.of(id))
      .map(rows -> first(rows).orElseThrow(() -> HttpError.notFound("没有这次作答。")));
  }

  /** The attempt if the caller owns it or teaches its class; 404 otherwise. */
  public Future<Attempt> readable(long id, User caller) {
    return load(id).compose(t -> {
      if (t.userId() == caller.id()) {
        return Future.succeededFuture(t);
      }
      if (t.assignmentId() == null || !caller.isTeacher()) {
        return Future.failedFuture(HttpError.notFound("没有这次作答。"));
      }
      return visibleAssignment(t.assignmentId(), caller).map(a -> {
        if (a.teacherId() != caller.id()) {
          throw HttpError.notFound("没有这次作答。");
        }
        return t;
      });
    });
  }

  private Future<Attempt> writable(long id, User caller) {
    return readable(id, caller).map(t -> {
      if (t.userId() != caller.id()) {
        throw HttpError.forbidden("只有作答的学生本人可以修改答案。");
      }
      return t;
    });
  }

  /** A student's attempts at an assignment, oldest first (empty for a non-member). */
  public Future<List<Attempt>> attemptsOf(long assignmentId, User student) {
    return pool.preparedQuery(AttemptSql.ATTEMPTS_OF_USER_FOR_ASSIGNMENT).execute(Tuple.of(assignmentId, student.id()))
      .map(rows -> {
        List<Attempt> out = new ArrayList<>();
        rows.forEach(r -> out.add(Attempt.from(r)));
        return out;
      });
  }

  /** Display names of the students of an assignment's class, by id. */
  public Future<Map<Long, String>> studentNames(long assignmentId) {
    return pool.preparedQuery(AttemptSql.STUDENT_NAMES_OF_ASSIGNMENT).execute(Tuple.of(assignmentId))
      .map(rows -> {
        Map<Long, String> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put(r.getLong("ID"), r.getString("DISPLAY_NAME")));
        return out;
      });
  }

  /** A user's display name, for a teacher looking at a student's attempt; empty if the account is gone. */
  public Future<String> displayName(long userId) {
    return pool.preparedQuery(AttemptSql.USER_NAME).execute(Tuple.of(userId))
      .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("DISPLAY_NAME") : "");
  }

  // ---- save ----

  /** Merges answers into the attempt in progress (null clears one). Checks every answer's shape. */
  public Future<Attempt> saveAnswers(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> writable(id, student).compose(t -> {
      if (t.submitted()) {
        return Future.failedFuture(HttpError.conflict(t.autoSubmitted()
          ? "已到截止时间，这次作答已经自动提交，答案不能再改。" : "这次作答已经提交，答案不能再改。"));
      }
      return door(t).compose(door -> {
        if (door.closed()) {
          return Future.failedFuture(HttpError.conflict("老师已经关闭了这个作业，答案不能再改。"));
        }
        if (door.deadline() != null && clock.millis() > door.deadline()) {
          return Future.failedFuture(HttpError.conflict("已过截止时间，答案不能再改。"));
        }
        JsonObject merged = merge(t, answers);
        return pool.preparedQuery(AttemptSql.SAVE_ANSWERS)
          .execute(Tuple.of(merged.encode(), clock.millis(), id))
          .compose(x -> load(id))
          .map(saved -> saved.withDeadline(door.deadline()));
      });
    }));
  }

  /**
   * The assignment's door as it is now, not as it was when the attempt started: the teacher may
   * have closed the assignment or moved its due time since.
   *
   * @param deadline the due time plus the grace, or null when there is none
   * @param dueAt    the due time, or null
   */
  record Door(boolean closed, Long dueAt, Long deadline) {
    static final Door OPEN = new Door(false, null, null);

    static Door of(boolean closed, Long dueAt) {
      return new Door(closed, dueAt, dueAt == null ? null : dueAt + GRACE_MS);
    }

    boolean shut(long now) {
      return closed || (deadline != null && now > deadline);
    }
  }

  private Future<Door> door(Attempt t) {
    if (t.assignmentId() == null) {
      return Future.succeededFuture(Door.OPEN);
    }
    return pool.preparedQuery(AttemptSql.ASSIGNMENT_STATE).execute(Tuple.of(t.assignmentId())).map(rows -> {
      if (!rows.iterator().hasNext()) {
        throw HttpError.notFound("没有这个作业。");
      }
      Row r = rows.iterator().next();
      return Door.of(Boolean.TRUE.equals(r.getBoolean("CLOSED")), r.getLong("DUE_AT"));
    });
  }

  private JsonObject merge(Attempt t, JsonObject answers) {
    Quiz quiz = quizFor(t.readingId());
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
  public Future<Attempt> submit(long id, User student, JsonObject answers) {
    return serial.run("t:" + id, () -> writable(id, student).compose(t -> {
      if (t.submitted()) {
        return Future.succeededFuture(t);
      }
      return door(t).compose(door -> {
        long now = clock.millis();
        if (door.closed()) {
          return Future.failedFuture(HttpError.conflict("老师已经关闭了这个作业，提交没有被接受。"));
        }
        if (door.deadline() != null && now > door.deadline()) {
          return Future.failedFuture(HttpError.conflict("已过截止时间，提交没有被接受。"));
        }
        JsonObject merged = answers == null ? t.answers() : merge(t, answers);
        boolean late = door.dueAt() != null && now > door.dueAt();
        return finish(t, merged, now, late, false)
          // a finish that lost a race (the deadline sweep, a second tab) answers with the winner's result
          .recover(e -> load(id).compose(after -> after.submitted() ? Future.succeededFuture(false) : Future.failedFuture(e)))
          .compose(x -> load(id));
      });
    }));
  }

  /**
   * Grades the answers and finishes the attempt in one transaction: one conditional state change
   * (it matches only an attempt still in progress) and the graded rows. Answers whether this call
   * finished it; false when someone else — a student's second tab, another node's sweep — did first.
   */
  private Future<Boolean> finish(Attempt t, JsonObject answers, long submittedAt, boolean late, boolean auto) {
    Quiz quiz = quizFor(t.readingId());
    Graded graded = grade(quiz, answers);
    return pool.withTransaction(conn -> conn.preparedQuery(AttemptSql.FINISH)
      .execute(Tuple.of(submittedAt, graded.score(), graded.max(), graded.pending(), late, answers.encode(),
        quiz.version(), auto, t.id()))
      .compose(rows -> rows.rowCount() == 1
        ? insertResponses(conn, t.id(), graded).map(true)
        : Future.succeededFuture(false)));
  }

  // ---- the deadline ----

  /**
   * Submits, with the answers saved so far, every open attempt whose assignment is closed or whose
   * due time plus the grace has passed, and grades it; marked auto-submitted. Safe to run on every
   * node at once: each finish is the one conditional state change, so an attempt is finished once.
   *
   * @return how many attempts this call finished
   */
  public Future<Integer> autoSubmitOverdue() {
    return autoSubmitOverdue(clock.millis());
  }

  Future<Integer> autoSubmitOverdue(long now) {
    return sweepBatch(now, 0).onSuccess(n -> {
      if (n > 0) {
        LOG.info("Submitted {} attempts left open past their deadline.", n);
      }
    });
  }

  /** One batch, then the next while batches come full and this sweep still finishes some. */
  private Future<Integer> sweepBatch(long now, int before) {
    return pool.preparedQuery(AttemptSql.OVERDUE_ATTEMPTS).execute(Tuple.of(now - GRACE_MS)).compose(rows -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Row r : rows) {
        Attempt t = Attempt.from(r);
        Door door = Door.of(Boolean.TRUE.equals(r.getBoolean("A_CLOSED")), r.getLong("A_DUE_AT"));
        chain = chain.compose(n -> autoSubmit(t, door, now).map(done -> n + (done ? 1 : 0)));
      }
      return chain.compose(n -> rows.size() == AttemptSql.SWEEP_BATCH && n > 0
        ? sweepBatch(now, before + n)
        : Future.succeededFuture(before + n));
    });
  }

  private Future<Boolean> autoSubmit(Attempt t, Door door, long now) {
    // submitted at the deadline itself when the server was down then; the time of closing otherwise
    long at = door.closed() || door.deadline() == null ? now : Math.min(now, door.deadline());
    boolean late = door.dueAt() != null && t.savedAt() != null && t.savedAt() > door.dueAt();
    // composed, so that a quiz missing since the attempt started fails this attempt, not the sweep
    return Future.succeededFuture().compose(x -> finish(t, t.answers(), at, late, true))
      .recover(e -> {
        LOG.warn("Could not auto-submit attempt {}: {}", t.id(), e.getMessage());
        return Future.succeededFuture(false);
      });
  }

  /**
   * The attempt as it stands now: one left open past its assignment's deadline is submitted first,
   * so a student who comes back after the deadline sees the result without waiting for the sweep;
   * one still open shows the deadline its assignment has now.
   */
  public Future<Attempt> settled(Attempt t) {
    if (t.submitted() || t.assignmentId() == null) {
      return Future.succeededFuture(t);
    }
    long now = clock.millis();
    return door(t).compose(door -> door.shut(now)
      ? autoSubmit(t, door, now).compose(x -> load(t.id()))
      : Future.succeededFuture(t.withDeadline(door.deadline())));
  }

  /** One question's grade within an attempt. */
  public record QuestionGrade(Question question, Object answer, double fraction, double points, boolean pending) {
  }

  /** Every question's grade of one attempt, the score, the maximum and how many wait for a teacher. */
  public record Graded(List<QuestionGrade> questions, double score, double max, int pending) {
  }

  /** Grades every question of the quiz; a missing answer is graded as wrong. */
  public static Graded grade(Quiz quiz, JsonObject answers) {
    List<QuestionGrade> out = new ArrayList<>();
    double score = 0;
    int pending = 0;
    for (Question q : quiz.questions()) {
      Object answer = answers.getValue(q.id());
      Grade g = q.grade(answer);
      double points = g.fraction() * q.points();
      out.add(new QuestionGrade(q, answer, g.fraction(), points, g.pending()));
      score += points;
      pending += g.pending() ? 1 : 0;
    }
    return new Graded(out, round(score), round(quiz.totalPoints()), pending);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static Future<Void> insertResponses(SqlConnection conn, long attemptId, Graded graded) {
    List<Tuple> batch = new ArrayList<>();
    for (QuestionGrade g : graded.questions()) {
      batch.add(Tuple.of(attemptId, g.question().id(), g.question().example(),
        g.answer() == null ? null : Json.encode(g.answer()), g.fraction(), round(g.points()),
        g.question().points(), g.pending()));
    }
    return conn.preparedQuery(AttemptSql.INSERT_RESPONSE).executeBatch(batch).mapEmpty();
  }

  // ---- regrade ----

  /** How one attempt's score moved in a regrade. */
  public record Moved(long attemptId, long userId, double before, double after) {
  }

  /**
   * Grades every submitted attempt of an assignment again against the current key. Teacher grades
   * of open answers are kept. Returns the attempts whose score moved.
   */
  public Future<List<Moved>> regrade(long assignmentId, User teacher) {
    return visibleAssignment(assignmentId, teacher).compose(a -> {
      if (a.teacherId() != teacher.id()) {
        return Future.failedFuture(HttpError.forbidden("只有这个班的老师可以重新评分。"));
      }
      Quiz quiz = quizFor(a.readingId());
      return serial.run("regrade:" + assignmentId, () -> pool.withTransaction(conn ->
        conn.preparedQuery(AttemptSql.SUBMITTED_OF_ASSIGNMENT).execute(Tuple.of(assignmentId)).compose(rows -> {
          List<Attempt> attempts = new ArrayList<>();
          rows.forEach(r -> attempts.add(Attempt.from(r)));
          List<Moved> moved = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Attempt t : attempts) {
            chain = chain.compose(x -> regradeOne(conn, quiz, t).map(after -> {
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

  private Future<Double> regradeOne(SqlConnection conn, Quiz quiz, Attempt t) {
    return conn.preparedQuery(AttemptSql.RESPONSES_OF_ATTEMPT).execute(Tuple.of(t.id())).compose(rows -> {
      java.util.Map<String, Row> manual = new java.util.HashMap<>();
      rows.forEach(r -> {
        if (r.getLong("GRADED_BY") != null) {
          manual.put(r.getString("QUESTION_ID"), r);
        }
      });
      Graded fresh = grade(quiz, t.answers());
      List<QuestionGrade> merged = new ArrayList<>();
      double score = 0;
      int pending = 0;
      for (QuestionGrade g : fresh.questions()) {
        Row m = manual.get(g.question().id());
        if (m != null && !g.question().type().autoGraded()) {
          double pts = Math.min(m.getDouble("POINTS"), g.question().points());
          merged.add(new QuestionGrade(g.question(), g.answer(), pts / g.question().points(), pts, false));
          score += pts;
        } else {
          merged.add(g);
          score += g.points();
          pending += g.pending() ? 1 : 0;
        }
      }
      double total = round(score);
      int stillPending = pending;
      Graded result = new Graded(merged, total, fresh.max(), stillPending);
      return conn.preparedQuery(AttemptSql.DELETE_RESPONSES).execute(Tuple.of(t.id()))
        .compose(x -> insertResponsesKeepingComments(conn, t.id(), result, manual))
        .compose(x -> conn.preparedQuery(AttemptSql.REGRADE)
          .execute(Tuple.of(total, fresh.max(), stillPending, quiz.version(), t.id())))
        .map(total);
    });
  }

  private static Future<Void> insertResponsesKeepingComments(SqlConnection conn, long attemptId, Graded graded,
                                                            java.util.Map<String, Row> manual) {
    return insertResponses(conn, attemptId, graded).compose(x -> {
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, Row> e : manual.entrySet()) {
        Row m = e.getValue();
        chain = chain.compose(y -> conn.preparedQuery(
            "UPDATE responses SET comment = ?, graded_by = ? WHERE attempt_id = ? AND question_id = ?")
          .execute(Tuple.of(m.getString("COMMENT"), m.getLong("GRADED_BY"), attemptId, e.getKey())).mapEmpty());
      }
      return chain;
    });
  }

  // ---- views ----

  /** The questions as the student sees them while answering, in this attempt's display order. */
  public JsonArray questionsForStudent(Attempt t) {
    Quiz quiz = quizFor(t.readingId());
    JsonArray out = new JsonArray();
    for (Question q : quiz.questions()) {
      JsonObject view = q.studentView();
      for (String field : List.of("options", "right", "items")) {
        JsonArray order = t.optionOrder().getJsonArray(q.id() + "/" + field);
        JsonArray arr = view.getJsonArray(field);
        if (order != null && arr != null) {
          view.put(field, reorder(arr, order));
        }
      }
      out.add(view);
    }
    return out;
  }

  private static JsonArray reorder(JsonArray items, JsonArray ids) {
    JsonArray out = new JsonArray();
    for (Object id : ids) {
      items.stream().map(o -> (JsonObject) o).filter(o -> id.equals(o.getString("id"))).findFirst().ifPresent(out::add);
    }
    // anything new in the key since the attempt started goes last
    items.stream().map(o -> (JsonObject) o).filter(o -> !ids.contains(o.getString("id"))).forEach(out::add);
    return out;
  }

  /**
   * What the viewer may see of an attempt now.
   *
   * @param feedback per-question feedback: right or wrong, the key, the explanation, the evidence
   * @param score    the score (an assignment's always once submitted; practice's with its feedback)
   * @param note     why keys are held back though the attempt's own rules would show them, or null
   */
  public record Reveal(boolean feedback, boolean score, String note) {
    static final Reveal NOTHING = new Reveal(false, false, null);
  }

  /**
   * What a student may not learn yet from a reading: while an assignment of the reading in one of
   * their classes still hides its feedback (after_due before the due time, or never), no attempt of
   * theirs at that reading shows keys — not practice, not another assignment.
   *
   * @param held  whether such an assignment exists
   * @param until when the last of them reveals, or null if one never does (or only when closed)
   */
  record KeyHold(boolean held, Long until) {
  }

  Future<KeyHold> keyHold(String readingId, long studentId) {
    long now = clock.millis();
    return pool.preparedQuery(AttemptSql.ASSIGNMENTS_OF_READING_FOR_STUDENT).execute(Tuple.of(studentId, readingId))
      .map(rows -> {
        boolean held = false;
        boolean forever = false;
        long until = 0;
        for (Row r : rows) {
          FeedbackPolicy policy = FeedbackPolicy.parse(r.getString("FEEDBACK")).orElse(FeedbackPolicy.IMMEDIATE);
          Long dueAt = r.getLong("DUE_AT");
          if (policy.revealsFeedback(true, dueAt, Boolean.TRUE.equals(r.getBoolean("CLOSED")), now)) {
            continue;
          }
          held = true;
          if (policy == FeedbackPolicy.NEVER || dueAt == null) {
            forever = true;
          } else {
            until = Math.max(until, dueAt);
          }
        }
        return new KeyHold(held, held && !forever ? until : null);
      });
  }

  /** What the viewer may see of this attempt now (the caller has checked they may read it). */
  public Future<Reveal> reveal(Attempt t, User viewer) {
    if (t.assignmentId() == null) {
      return keyHold(t.readingId(), viewer.id()).map(hold -> hold.held()
        ? new Reveal(false, false, holdNote("练习暂不显示答案和得分", hold))
        : new Reveal(t.submitted(), t.submitted(), null));
    }
    if (!t.submitted()) {
      return Future.succeededFuture(Reveal.NOTHING);
    }
    return visibleAssignment(t.assignmentId(), viewer).compose(a -> {
      if (a.teacherId() == viewer.id()) {
        return Future.succeededFuture(new Reveal(true, true, null));
      }
      if (!a.feedback().revealsFeedback(true, a.dueAt(), a.closed(), clock.millis())) {
        return Future.succeededFuture(new Reveal(false, true, null));
      }
      return keyHold(t.readingId(), viewer.id()).map(hold -> hold.held()
        ? new Reveal(false, true, holdNote("这里暂不显示答案", hold))
        : new Reveal(true, true, null));
    });
  }

  private static String holdNote(String what, KeyHold hold) {
    return hold.until() == null
      ? "本篇有老师不公布答案的作业，" + what + "。"
      : "本篇有未到期的作业，" + what + "，" + Times.brief(hold.until()) + " 截止后回到这里就能看到。";
  }

  /** The JSON of an attempt: its state, and feedback fields only when {@code withFeedback}. */
  public Future<JsonObject> toJson(Attempt t, boolean withFeedback) {
    return toJson(t, new Reveal(withFeedback, true, null));
  }

  /** The JSON of an attempt, showing what {@code reveal} allows. */
  public Future<JsonObject> toJson(Attempt t, Reveal reveal) {
    boolean withFeedback = reveal.feedback();
    JsonObject json = new JsonObject()
      .put("id", t.id())
      .put("assignmentId", t.assignmentId())
      .put("readingId", t.readingId())
      .put("status", t.status())
      .put("practice", t.practice())
      .put("quizVersion", t.quizVersion())
      .put("startedAt", t.startedAt())
      .put("savedAt", t.savedAt())
      .put("submittedAt", t.submittedAt())
      .put("deadline", t.deadline())
      .put("score", reveal.score() ? t.score() : null)
      .put("maxScore", t.maxScore() != null ? t.maxScore() : round(quizFor(t.readingId()).totalPoints()))
      .put("pending", t.pending())
      .put("late", t.late())
      .put("autoSubmitted", t.autoSubmitted())
      .put("answers", t.answers())
      .put("feedbackAvailable", withFeedback)
      .put("feedbackNote", reveal.note());
    if (!t.submitted()) {
      json.put("questions", questionsForStudent(t));
      return Future.succeededFuture(json);
    }
    return pool.preparedQuery(AttemptSql.RESPONSES_OF_ATTEMPT).execute(Tuple.of(t.id())).map(rows -> {
      java.util.Map<String, Row> byQ = new java.util.HashMap<>();
      rows.forEach(r -> byQ.put(r.getString("QUESTION_ID"), r));
      JsonArray qs = new JsonArray();
      Quiz quiz = quizFor(t.readingId());
      for (JsonObject view : questionsForStudent(t).stream().map(o -> (JsonObject) o).toList()) {
        Question q = quiz.question(view.getString("id")).orElseThrow();
        Row r = byQ.get(q.id());
        JsonObject item = view.copy().put("answered", t.answers().getValue(q.id()) != null);
        if (withFeedback && r != null) {
          double fraction = r.getDouble("FRACTION");
          boolean pending = Boolean.TRUE.equals(r.getBoolean("PENDING"));
          item.put("response", t.answers().getValue(q.id()))
            .put("earned", r.getDouble("POINTS"))
            .put("fraction", fraction)
            .put("correct", !pending && r.getDouble("POINTS") >= q.points() - 1e-9)
            .put("pending", pending)
            .put("answer", q.key())
            .put("explanation", q.explanation())
            .put("evidence", q.evidence())
            .put("paragraph", q.paragraph())
            .put("example", q.example())
            .put("evidenceUrl", evidenceUrl(t.readingId(), q))
            .put("comment", r.getString("COMMENT"));
          if (q.note() != null) {
            item.put("note", q.note());
          }
          q.teacherView().fieldNames().stream().filter(f -> f.equals("accept") || f.equals("rubric"))
            .forEach(f -> item.put(f, q.teacherView().getValue(f)));
        }
        qs.add(item);
      }
      return json.put("questions", qs);
    });
  }

  /** The reading page opened at the evidence paragraph, with the quoted sentence highlighted. */
  public static String evidenceUrl(String readingId, Question q) {
    return "/readings/" + readingId + "?p=" + q.paragraph() + "&hl="
      + URLEncoder.encode(q.evidence(), StandardCharsets.UTF_8) + "#p" + q.paragraph();
  }

  private static Optional<Attempt> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(Attempt.from(rows.iterator().next())) : Optional.empty();
  }
}
