package com.jiangxin.quiz;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of attempts, as Moodle keeps question attempt steps: appended, never changed. Each step
 * is appended on the connection of the transaction that makes the state change it records.
 */
final class AttemptHistory {
  /** What happened to an attempt. */
  enum Kind {
    SAVED, SUBMITTED, AUTO_SUBMITTED, GRADED, REGRADED;

    String code() {
      return name().toLowerCase();
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase());
    }
  }

  /**
   * One step.
   *
   * @param actorId   who did it; null for the server
   * @param actorName their display name as it is now, or null
   * @param answers   for a save or submit, the answers sent with it (JSON), or null
   */
  record Step(int seq, Kind kind, long at, Long actorId, String actorName, String questionId, Double points,
              Double scoreBefore, Double scoreAfter, String answers) {

    static Step of(Kind kind, long at, Long actorId) {
      return new Step(0, kind, at, actorId, null, null, null, null, null, null);
    }

    Step question(String id, double given) {
      return new Step(seq, kind, at, actorId, actorName, id, given, scoreBefore, scoreAfter, answers);
    }

    Step scores(Double before, Double after) {
      return new Step(seq, kind, at, actorId, actorName, questionId, points, before, after, answers);
    }

    /** This step as the first of its attempt, by someone of this name. */
    Step first(String byName) {
      return new Step(1, kind, at, actorId, byName, questionId, points, scoreBefore, scoreAfter, answers);
    }

    Step answers(JsonObject sent) {
      return new Step(seq, kind, at, actorId, actorName, questionId, points, scoreBefore, scoreAfter,
        sent == null ? null : sent.encode());
    }

    static Step from(Row r) {
      Number points = (Number) r.getValue("POINTS");
      Number before = (Number) r.getValue("SCORE_BEFORE");
      Number after = (Number) r.getValue("SCORE_AFTER");
      return new Step(r.getInteger("SEQ"), Kind.of(r.getString("KIND")), r.getLong("HAPPENED_AT"),
        r.getLong("ACTOR_ID"), r.getString("ACTOR_NAME"), r.getString("QUESTION_ID"),
        points == null ? null : points.doubleValue(), before == null ? null : before.doubleValue(),
        after == null ? null : after.doubleValue(), r.getString("ANSWERS"));
    }
  }

  private final Pool pool;

  AttemptHistory(Pool pool) {
    this.pool = pool;
  }

  /** Appends a step to the attempt, on the connection of the state change it records (one statement). */
  static Future<Void> append(SqlConnection conn, long attemptId, Step step) {
    return conn.preparedQuery(AttemptSql.APPEND_STEP).execute(Tuple.from(Arrays.asList(attemptId,
        step.kind().code(), step.at(), step.actorId(), step.questionId(), step.points(), step.scoreBefore(),
        step.scoreAfter(), step.answers(), attemptId)))
      .mapEmpty();
  }

  /** The steps of an attempt, read on the connection of a transaction under way. */
  static Future<List<Step>> steps(SqlConnection conn, long attemptId) {
    return conn.preparedQuery(AttemptSql.STEPS_OF_ATTEMPT).execute(Tuple.of(attemptId)).map(AttemptHistory::steps);
  }

  private static List<Step> steps(io.vertx.sqlclient.RowSet<Row> rows) {
    List<Step> out = new ArrayList<>();
    rows.forEach(r -> out.add(Step.from(r)));
    return out;
  }

  /** Every step of an attempt, oldest first. */
  Future<List<Step>> steps(long attemptId) {
    return pool.preparedQuery(AttemptSql.STEPS_OF_ATTEMPT).execute(Tuple.of(attemptId)).map(AttemptHistory::steps);
  }

  /**
   * The steps as the API shows them. Without {@code scores} no step carries points or a score: a
   * step must not tell a student what feedback hides (a graded step's score change is a question's grade).
   */
  static JsonArray toJson(List<Step> steps, boolean scores) {
    JsonArray out = new JsonArray();
    for (Step s : steps) {
      JsonObject json = new JsonObject()
        .put("seq", s.seq())
        .put("kind", s.kind().code())
        .put("at", s.at())
        .put("by", s.actorId() == null ? "server" : s.actorName() == null ? "" : s.actorName());
      if (s.answers() != null) {
        json.put("questionIds", new JsonArray(new ArrayList<>(new JsonObject(s.answers()).fieldNames())));
      }
      if (s.questionId() != null) {
        json.put("questionId", s.questionId());
      }
      if (scores) {
        putIfSet(json, "points", s.points());
        putIfSet(json, "scoreBefore", s.scoreBefore());
        putIfSet(json, "scoreAfter", s.scoreAfter());
      }
      out.add(json);
    }
    return out;
  }

  private static void putIfSet(JsonObject json, String field, Double value) {
    if (value != null) {
      json.put(field, value);
    }
  }
}
