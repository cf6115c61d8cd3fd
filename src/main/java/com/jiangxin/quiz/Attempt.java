package com.jiangxin.quiz;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * One attempt at a quiz, as stored: started, saved as the student goes, submitted once, graded.
 *
 * @param assignmentId null for ungraded practice
 * @param deadline     server time (epoch ms) after which a submit is refused, or null (as the attempt
 *                     started: the assignment's current due time and state are checked as well)
 * @param autoSubmitted the server submitted it at the deadline with the answers saved so far
 */
public record Attempt(long id, Long assignmentId, String readingId, long userId, String quizVersion,
                      String status, long startedAt, Long savedAt, Long submittedAt, Long deadline,
                      Double score, Double maxScore, int pending, boolean late, JsonObject answers,
                      JsonObject optionOrder, String gradedVersion, boolean autoSubmitted) {

  public boolean submitted() {
    return "submitted".equals(status);
  }

  public boolean practice() {
    return assignmentId == null;
  }

  /** The same attempt with the deadline its assignment has now. */
  Attempt withDeadline(Long now) {
    return new Attempt(id, assignmentId, readingId, userId, quizVersion, status, startedAt, savedAt, submittedAt, now,
      score, maxScore, pending, late, answers, optionOrder, gradedVersion, autoSubmitted);
  }

  static Attempt from(Row r) {
    String order = r.getString("OPTION_ORDER");
    Number score = (Number) r.getValue("SCORE");
    Number max = (Number) r.getValue("MAX_SCORE");
    return new Attempt(r.getLong("ID"), r.getLong("ASSIGNMENT_ID"), r.getString("READING_ID"), r.getLong("USER_ID"),
      r.getString("QUIZ_VERSION"), r.getString("STATUS"), r.getLong("STARTED_AT"), r.getLong("SAVED_AT"),
      r.getLong("SUBMITTED_AT"), r.getLong("DEADLINE"),
      score == null ? null : score.doubleValue(), max == null ? null : max.doubleValue(),
      r.getInteger("PENDING"), Boolean.TRUE.equals(r.getBoolean("LATE")),
      new JsonObject(r.getString("ANSWERS")), order == null ? new JsonObject() : new JsonObject(order),
      r.getString("GRADED_VERSION"), Boolean.TRUE.equals(r.getBoolean("AUTO_SUBMITTED")));
  }
}
