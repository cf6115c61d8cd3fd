package com.jiangxin.results;

import com.jiangxin.classroom.AssignmentAccess;
import io.vertx.sqlclient.Row;

/** The rows class results are built from. */
final class Records {
  private Records() {
  }

  /** A class and its teacher. */
  record ClassRef(long id, String name, long teacherId) {
    static ClassRef from(Row r) {
      return new ClassRef(r.getLong("ID"), r.getString("NAME"), r.getLong("TEACHER_ID"));
    }
  }

  /** What results need of an assignment; {@code className} and {@code teacherId} are filled where the query has them. */
  record AssignmentRef(long id, long classId, String className, long teacherId, String readingId, Long dueAt,
                       int maxAttempts, String keepScore, boolean closed) {
    static AssignmentRef from(Row r) {
      return new AssignmentRef(r.getLong("ID"), r.getLong("CLASS_ID"), column(r, "CLASS_NAME"),
        r.getColumnIndex("TEACHER_ID") >= 0 ? r.getLong("TEACHER_ID") : 0L, r.getString("READING_ID"),
        r.getLong("DUE_AT"), r.getInteger("MAX_ATTEMPTS"), r.getString("KEEP_SCORE"),
        Boolean.TRUE.equals(r.getBoolean("CLOSED")));
    }

    static AssignmentRef of(AssignmentAccess.Visible a) {
      return new AssignmentRef(a.id(), a.classId(), a.className(), a.teacherId(), a.readingId(), a.dueAt(),
        a.maxAttempts(), a.keepScore(), a.closed());
    }

    boolean keepsLatest() {
      return "latest".equals(keepScore);
    }
  }

  /** A student of a class. */
  record Student(long id, String username, String displayName) {
    static Student from(Row r) {
      return new Student(r.getLong("ID"), r.getString("USERNAME"), r.getString("DISPLAY_NAME"));
    }
  }

  /**
   * A student's result at one assignment: the kept attempt (best or latest, as the assignment
   * says), how many attempts they submitted, and how many open answers wait for a teacher.
   */
  record Kept(long assignmentId, long userId, long attemptId, Double score, Double maxScore, boolean late,
              int attempts, int pending, boolean autoSubmitted) {
    static Kept from(Row r) {
      Number score = (Number) r.getValue("SCORE");
      Number max = (Number) r.getValue("MAX_SCORE");
      return new Kept(r.getLong("ASSIGNMENT_ID"), r.getLong("USER_ID"), r.getLong("ATTEMPT_ID"),
        score == null ? null : score.doubleValue(), max == null ? null : max.doubleValue(),
        Boolean.TRUE.equals(r.getBoolean("LATE")), ((Number) r.getValue("ATTEMPTS")).intValue(),
        ((Number) r.getValue("PENDING")).intValue(), Boolean.TRUE.equals(r.getBoolean("AUTO_SUBMITTED")));
    }
  }

  private static String column(Row r, String name) {
    return r.getColumnIndex(name) >= 0 ? r.getString(name) : null;
  }

  static double number(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? 0 : ((Number) v).doubleValue();
  }

  static long count(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
