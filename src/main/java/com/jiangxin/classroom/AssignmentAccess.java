package com.jiangxin.classroom;

import com.jiangxin.account.User;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;

/**
 * The one rule of who may see an assignment: the teacher of its class and the students in its
 * class; nobody else. Every feature (the assignment page, quizzes, discussion, results) asks here,
 * and answers its own 404 when the answer is empty.
 */
public final class AssignmentAccess {
  private final Pool pool;

  public AssignmentAccess(Pool pool) {
    this.pool = pool;
  }

  /**
   * An assignment as one user may see it.
   *
   * @param teaches whether the user teaches the assignment's class
   * @param member  whether the user is a student in the assignment's class
   */
  public record Visible(long id, long classId, String className, long teacherId, String readingId, Long opensAt,
                        Long dueAt, int maxAttempts, String feedback, boolean shuffle, boolean closed,
                        String keepScore, boolean teaches, boolean member) {

    static Visible from(Row r, long userId) {
      return new Visible(r.getLong("ID"), r.getLong("CLASS_ID"), r.getString("CLASS_NAME"), r.getLong("TEACHER_ID"),
        r.getString("READING_ID"), r.getLong("OPENS_AT"), r.getLong("DUE_AT"), r.getInteger("MAX_ATTEMPTS"),
        r.getString("FEEDBACK"), Boolean.TRUE.equals(r.getBoolean("SHUFFLE")),
        Boolean.TRUE.equals(r.getBoolean("CLOSED")), r.getString("KEEP_SCORE"),
        r.getLong("TEACHER_ID") == userId, Boolean.TRUE.equals(r.getBoolean("MEMBER")));
    }
  }

  /** The assignment if {@code user} may see it; empty for anyone else, and for an assignment that does not exist. */
  public Future<Optional<Visible>> visibleTo(User user, long assignmentId) {
    long student = user.isStudent() ? user.id() : -1;
    return pool.preparedQuery(ClassroomSql.ASSIGNMENT_VISIBLE_TO)
      .execute(Tuple.of(student, assignmentId, user.id(), student))
      .map(rows -> rows.iterator().hasNext()
        ? Optional.of(Visible.from(rows.iterator().next(), user.id()))
        : Optional.empty());
  }
}
