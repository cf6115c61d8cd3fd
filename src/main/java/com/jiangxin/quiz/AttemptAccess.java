package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.classroom.AssignmentAccess;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may touch which attempt: its student reads and writes it, the teacher of its class reads it
 * (and grades it); anyone else gets 404. Also the reads every other part starts from.
 */
final class AttemptAccess {
  private final Pool pool;
  private final QuizBank bank;
  private final AssignmentAccess assignments;

  AttemptAccess(Pool pool, QuizBank bank) {
    this.pool = pool;
    this.bank = bank;
    this.assignments = new AssignmentAccess(pool);
  }

  /**
   * The assignment if the caller may see it (its teacher or a student of its class), its reading's
   * current quiz read again if it is a teacher's own (another node may have published it); 404 otherwise.
   */
  Future<AssignmentInfo> visibleAssignment(long assignmentId, User caller) {
    return assignments.visibleTo(caller, assignmentId).map(found -> found.map(AssignmentInfo::from)
      .orElseThrow(() -> HttpError.notFound("没有这个作业，或你不在这个班级。")))
      .compose(a -> bank.refresh(a.readingId()).map(a));
  }

  /** The assignment if the caller teaches its class; 403 for anyone else who may see it. */
  Future<AssignmentInfo> taughtAssignment(long assignmentId, User teacher, String refusal) {
    return visibleAssignment(assignmentId, teacher).map(a -> {
      if (a.teacherId() != teacher.id()) {
        throw HttpError.forbidden(refusal);
      }
      return a;
    });
  }

  Quiz quizFor(String readingId) {
    return bank.forReading(readingId)
      .orElseThrow(() -> HttpError.notFound("这篇文章还没有测验：" + readingId));
  }

  /** The quiz an attempt was started against: the version it recorded (a re-publish does not move it). */
  Quiz quizOf(Attempt t) {
    return bank.version(t.readingId(), t.quizVersion())
      .orElseThrow(() -> HttpError.notFound("这篇文章还没有测验：" + t.readingId()));
  }

  /** Makes the quiz version of an attempt read some other way ready for {@link #quizOf}. */
  Future<Void> ready(Attempt t) {
    return bank.resolve(t.readingId(), t.quizVersion());
  }

  /** Loads an attempt, with its quiz version ready for {@link #quizOf}. */
  Future<Attempt> load(long id) {
    return pool.preparedQuery(AttemptSql.ATTEMPT_BY_ID).execute(Tuple.of(id))
      .map(rows -> first(rows).orElseThrow(() -> HttpError.notFound("没有这次作答。")))
      .compose(t -> bank.resolve(t.readingId(), t.quizVersion()).map(t));
  }

  Future<Optional<Attempt>> active(String key) {
    return pool.preparedQuery(AttemptSql.ATTEMPT_BY_ACTIVE_KEY).execute(Tuple.of(key)).map(AttemptAccess::first)
      .compose(t -> t.isEmpty() ? Future.succeededFuture(t)
        : bank.resolve(t.get().readingId(), t.get().quizVersion()).map(t));
  }

  /** The attempt if the caller owns it or teaches its class; 404 otherwise. */
  Future<Attempt> readable(long id, User caller) {
    return load(id).compose(t -> {
      if (t.userId() == caller.id()) {
        return Future.succeededFuture(t);
      }
      return teaches(t, caller).map(yes -> {
        if (!yes) {
          throw HttpError.notFound("没有这次作答。");
        }
        return t;
      });
    });
  }

  /** Whether the caller is the teacher of the class the attempt was made in (never for practice). */
  Future<Boolean> teaches(Attempt t, User caller) {
    if (t.assignmentId() == null || !caller.isTeacher()) {
      return Future.succeededFuture(false);
    }
    return visibleAssignment(t.assignmentId(), caller).map(a -> a.teacherId() == caller.id())
      .recover(e -> e instanceof HttpError ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /**
   * An attempt its own student may change, with its assignment as it is now.
   *
   * @param door      the assignment's door now ({@link Door#OPEN} for practice)
   * @param feedback  the assignment's feedback policy, or null for practice
   * @param teacherId the teacher of the assignment's class, or null for practice
   */
  record Writable(Attempt attempt, Door door, FeedbackPolicy feedback, Long teacherId) {
  }

  /**
   * The attempt if the caller is its student, with its assignment's door, feedback policy and
   * teacher, in one read; 403 for the teacher of its class, 404 for anyone else.
   */
  Future<Writable> writableWithAssignment(long id, User caller) {
    return pool.preparedQuery(AttemptSql.ATTEMPT_WITH_ASSIGNMENT).execute(Tuple.of(id)).compose(rows -> {
      if (!rows.iterator().hasNext()) {
        return Future.failedFuture(HttpError.notFound("没有这次作答。"));
      }
      Row r = rows.iterator().next();
      Attempt t = Attempt.from(r);
      Long teacherId = r.getLong("A_TEACHER_ID");
      if (t.userId() != caller.id()) {
        boolean teaches = t.assignmentId() != null && caller.isTeacher() && teacherId != null && teacherId == caller.id();
        return Future.failedFuture(teaches ? HttpError.forbidden("只有作答的学生本人可以修改答案。")
          : HttpError.notFound("没有这次作答。"));
      }
      Writable w = t.assignmentId() == null ? new Writable(t, Door.OPEN, null, null)
        : new Writable(t, Door.of(Boolean.TRUE.equals(r.getBoolean("A_CLOSED")), r.getLong("A_DUE_AT")),
          FeedbackPolicy.parse(r.getString("A_FEEDBACK")).orElse(FeedbackPolicy.IMMEDIATE), teacherId);
      return bank.resolve(t.readingId(), t.quizVersion()).map(w);
    });
  }

  /** A student's attempts at an assignment, oldest first (empty for a non-member). */
  Future<List<Attempt>> attemptsOf(long assignmentId, User student) {
    return pool.preparedQuery(AttemptSql.ATTEMPTS_OF_USER_FOR_ASSIGNMENT).execute(Tuple.of(assignmentId, student.id()))
      .map(rows -> {
        List<Attempt> out = new ArrayList<>();
        rows.forEach(r -> out.add(Attempt.from(r)));
        return out;
      });
  }

  /** Display names of the students of an assignment's class, by id. */
  Future<Map<Long, String>> studentNames(long assignmentId) {
    return pool.preparedQuery(AttemptSql.STUDENT_NAMES_OF_ASSIGNMENT).execute(Tuple.of(assignmentId))
      .map(rows -> {
        Map<Long, String> out = new HashMap<>();
        rows.forEach(r -> out.put(r.getLong("ID"), r.getString("DISPLAY_NAME")));
        return out;
      });
  }

  /** A user's display name; empty if the account is gone. */
  Future<String> displayName(long userId) {
    return pool.preparedQuery(AttemptSql.USER_NAME).execute(Tuple.of(userId))
      .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("DISPLAY_NAME") : "");
  }

  /**
   * The assignment's door as it is now, not as it was when the attempt started: the teacher may
   * have closed the assignment or moved its due time since.
   */
  Future<Door> door(Attempt t) {
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

  /**
   * An assignment's door: closed by its teacher, or past its due time plus the grace.
   *
   * @param deadline the due time plus the grace, or null when there is none
   * @param dueAt    the due time, or null
   */
  record Door(boolean closed, Long dueAt, Long deadline) {
    static final Door OPEN = new Door(false, null, null);

    static Door of(boolean closed, Long dueAt) {
      return new Door(closed, dueAt, AttemptService.deadline(dueAt));
    }

    boolean shut(long now) {
      return closed || (deadline != null && now > deadline);
    }

    /** A finish at this time is late: after the due time, though within the grace. */
    boolean late(long at) {
      return dueAt != null && at > dueAt;
    }
  }

  static Optional<Attempt> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(Attempt.from(rows.iterator().next())) : Optional.empty();
  }
}
