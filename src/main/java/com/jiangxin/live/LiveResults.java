package com.jiangxin.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What live sessions leave for a class's results: for each finished session started for the class
 * (from one of its assignments, or from a reading with the class chosen), each member's correct
 * answers. Guests and students outside the class stay in the live tables only. Live results are
 * kept apart from quiz attempts: they never count as an attempt nor change a kept score.
 */
public final class LiveResults {
  private final Pool pool;

  public LiveResults(Pool pool) {
    this.pool = pool;
  }

  /**
   * One finished session of the class.
   *
   * @param shown    how many questions were shown
   * @param students per member who played: {@link Score}
   */
  public record Session(long id, String readingId, Long assignmentId, long startedAt, int shown,
                        Map<Long, Score> students) {
    public JsonObject toJson() {
      JsonObject results = new JsonObject();
      students.forEach((user, sc) -> results.put(Long.toString(user),
        new JsonObject().put("correct", sc.correct()).put("answered", sc.answered())));
      return new JsonObject().put("id", id).put("source", "live").put("readingId", readingId)
        .put("assignmentId", assignmentId).put("startedAt", startedAt).put("questions", shown).put("results", results);
    }
  }

  /** A member's result in one session. */
  public record Score(int correct, int answered) {
  }

  /** The class's finished live sessions, oldest first. The caller has checked that it may see the class. */
  public Future<List<Session>> ofClass(long classId) {
    return pool.preparedQuery(LiveSql.CLASS_RESULTS).execute(Tuple.of(classId)).map(rows -> {
      Map<Long, Session> sessions = new LinkedHashMap<>();
      rows.forEach(r -> {
        long id = r.getLong("SESSION_ID");
        Session s = sessions.computeIfAbsent(id, k -> new Session(k, r.getString("READING_ID"), r.getLong("ASSIGNMENT_ID"),
          r.getLong("CREATED_AT"), r.getNumeric("SHOWN").intValue(), new HashMap<>()));
        s.students().put(r.getLong("USER_ID"),
          new Score(r.getNumeric("CORRECT").intValue(), r.getNumeric("ANSWERED").intValue()));
      });
      return new ArrayList<>(sessions.values());
    });
  }

  /** How members of the class did on one question in live sessions (source "live"). */
  public record Item(int answered, int correct, int sessions) {
    public double facility() {
      return answered == 0 ? 0 : (double) correct / answered;
    }

    public JsonObject toJson() {
      return new JsonObject().put("source", "live").put("answered", answered).put("correct", correct)
        .put("sessions", sessions).put("facility", Math.round(facility() * 1000) / 1000.0);
    }
  }

  /** Per question id, the members' live answers in the assignment's finished sessions. */
  public Future<Map<String, Item>> ofAssignment(long assignmentId) {
    return pool.preparedQuery(LiveSql.ASSIGNMENT_ITEMS).execute(Tuple.of(assignmentId)).map(rows -> {
      Map<String, Item> items = new HashMap<>();
      rows.forEach(r -> items.put(r.getString("QUESTION_ID"), new Item(r.getNumeric("ANSWERED").intValue(),
        r.getNumeric("CORRECT").intValue(), r.getNumeric("SESSIONS").intValue())));
      return items;
    });
  }
}
