package com.jiangxin.live;

import io.vertx.sqlclient.Row;

/**
 * One live session as the database holds it.
 *
 * @param index the current question among the session's live questions, -1 in the lobby
 * @param questionAt when the current question was shown (epoch ms), or null
 */
record LiveSession(long id, long teacherId, String readingId, Long assignmentId, Long classId, String pin,
                   boolean guests, boolean speedBonus, int countdown, String status, int index,
                   Long questionAt, long createdAt, Long endedAt) {
  static final String LOBBY = "lobby";
  static final String QUESTION = "question";
  static final String REVEALED = "revealed";
  static final String FINISHED = "finished";

  static LiveSession from(Row r) {
    return new LiveSession(r.getLong("ID"), r.getLong("TEACHER_ID"), r.getString("READING_ID"),
      r.getLong("ASSIGNMENT_ID"), r.getLong("CLASS_ID"), r.getString("PIN"),
      Boolean.TRUE.equals(r.getBoolean("GUESTS")), Boolean.TRUE.equals(r.getBoolean("SPEED_BONUS")),
      r.getInteger("COUNTDOWN"), r.getString("STATUS"), r.getInteger("QUESTION_INDEX"),
      r.getLong("QUESTION_AT"), r.getLong("CREATED_AT"), r.getLong("ENDED_AT"));
  }

  boolean finished() {
    return FINISHED.equals(status);
  }
}
