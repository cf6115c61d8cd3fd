package com.jiangxin.quiz;

import io.vertx.sqlclient.Row;

/** What attempts need to know of an assignment, and whether the caller is in its class. */
record AssignmentInfo(long id, long classId, long teacherId, String readingId, Long opensAt, Long dueAt,
                      int maxAttempts, FeedbackPolicy feedback, boolean shuffle, boolean closed,
                      String keepScore, boolean callerIsMember) {

  static AssignmentInfo from(Row r) {
    return new AssignmentInfo(r.getLong("ID"), r.getLong("CLASS_ID"), r.getLong("TEACHER_ID"),
      r.getString("READING_ID"), r.getLong("OPENS_AT"), r.getLong("DUE_AT"), r.getInteger("MAX_ATTEMPTS"),
      FeedbackPolicy.parse(r.getString("FEEDBACK")).orElse(FeedbackPolicy.IMMEDIATE),
      Boolean.TRUE.equals(r.getBoolean("SHUFFLE")), Boolean.TRUE.equals(r.getBoolean("CLOSED")),
      r.getString("KEEP_SCORE"), r.getLong("MEMBER") > 0);
  }
}
