package com.jiangxin.classroom;

import io.vertx.sqlclient.Row;

/**
 * A reading assigned to a class, with its rules. {@code submitted}/{@code students} are filled for
 * teachers' views, {@code done} for a student's own view.
 */
public record Assignment(long id, long classId, String className, long teacherId, String readingId,
                         Long opensAt, Long dueAt, int maxAttempts, String feedback, String instructions,
                         boolean shuffle, String keepScore, boolean closed, long createdAt,
                         int submitted, int students, boolean done) {

  static Assignment from(Row row) {
    return new Assignment(row.getLong("ID"), row.getLong("CLASS_ID"), row.getString("CLASS_NAME"),
      row.getLong("TEACHER_ID"), row.getString("READING_ID"), row.getLong("OPENS_AT"), row.getLong("DUE_AT"),
      row.getInteger("MAX_ATTEMPTS"), row.getString("FEEDBACK"), row.getString("INSTRUCTIONS"),
      Boolean.TRUE.equals(row.getBoolean("SHUFFLE")), row.getString("KEEP_SCORE"),
      Boolean.TRUE.equals(row.getBoolean("CLOSED")), row.getLong("CREATED_AT"),
      row.getInteger("SUBMITTED"), row.getInteger("STUDENTS"), Boolean.TRUE.equals(row.getBoolean("DONE")));
  }

  /** The student's status at {@code now}. */
  public AssignmentStatus status(long now) {
    return AssignmentStatus.of(opensAt, dueAt, done, now);
  }

  /** The editable fields, for an edit that changes some of them. */
  AssignmentFields fields() {
    return new AssignmentFields(readingId, opensAt, dueAt, maxAttempts, feedback, instructions, shuffle, keepScore, closed);
  }
}
