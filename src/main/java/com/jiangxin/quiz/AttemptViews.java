package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.quiz.AttemptService.Reveal;
import com.jiangxin.web.Times;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a viewer may see of an attempt and when: the questions in the attempt's display order, the
 * feedback policy and the key hold, and the JSON of an attempt with its steps.
 */
final class AttemptViews {

  private final Pool pool;
  private final AttemptAccess access;
  private final AttemptHistory history;
  private final Clock clock;

  AttemptViews(Pool pool, AttemptAccess access, AttemptHistory history, Clock clock) {
    this.pool = pool;
    this.access = access;
    this.history = history;
    this.clock = clock;
  }

  /** The questions as the student sees them while answering, in this attempt's display order. */
  JsonArray questionsForStudent(Attempt t) {
    Quiz quiz = access.quizOf(t);
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
  Future<Reveal> reveal(Attempt t, User viewer) {
    if (t.assignmentId() == null) {
      return keyHold(t.readingId(), viewer.id()).map(hold -> hold.held()
        ? new Reveal(false, false, holdNote("练习暂不显示答案和得分", hold))
        : new Reveal(t.submitted(), t.submitted(), null));
    }
    if (!t.submitted()) {
      return Future.succeededFuture(Reveal.NOTHING);
    }
    return access.visibleAssignment(t.assignmentId(), viewer)
      .compose(a -> revealSubmitted(t, viewer, a.teacherId(), a.feedback(), a.dueAt(), a.closed()));
  }

  /** What the student may see of an attempt they have just submitted, from its assignment as the submit read it. */
  Future<Reveal> revealJustSubmitted(Attempt t, User viewer, AttemptAccess.Writable a) {
    if (t.assignmentId() == null) {
      return reveal(t, viewer);
    }
    return revealSubmitted(t, viewer, a.teacherId(), a.feedback(), a.door().dueAt(), a.door().closed());
  }

  private Future<Reveal> revealSubmitted(Attempt t, User viewer, Long teacherId, FeedbackPolicy feedback, Long dueAt,
                                         boolean closed) {
    if (teacherId != null && teacherId == viewer.id()) {
      return Future.succeededFuture(new Reveal(true, true, null));
    }
    if (!feedback.revealsFeedback(true, dueAt, closed, clock.millis())) {
      return Future.succeededFuture(new Reveal(false, true, null));
    }
    return keyHold(t.readingId(), viewer.id()).map(hold -> hold.held()
      ? new Reveal(false, true, holdNote("这里暂不显示答案", hold))
      : new Reveal(true, true, null));
  }

  private static String holdNote(String what, KeyHold hold) {
    return hold.until() == null
      ? "本篇有老师不公布答案的作业，" + what + "。"
      : "本篇有未到期的作业，" + what + "，" + Times.brief(hold.until()) + " 截止后回到这里就能看到。";
  }

  /** The JSON of an attempt: its state, and feedback fields only when {@code withFeedback}. */
  Future<JsonObject> toJson(Attempt t, boolean withFeedback) {
    return toJson(t, new Reveal(withFeedback, true, null));
  }

  /** One graded answer as stored: its fraction, points, whether it waits for a teacher, the teacher's comment. */
  record Graded(double fraction, double points, boolean pending, String comment) {
  }

  /** The JSON of an attempt, showing what {@code reveal} allows. */
  Future<JsonObject> toJson(Attempt t, Reveal reveal) {
    // an attempt in progress that was never saved has no steps yet (a save sets saved_at)
    Future<List<AttemptHistory.Step>> steps = !t.submitted() && t.savedAt() == null
      ? Future.succeededFuture(List.of()) : history.steps(t.id());
    if (!t.submitted()) {
      return steps.map(list -> toJson(t, reveal, list, Map.of()));
    }
    return steps.compose(list -> pool.preparedQuery(AttemptSql.RESPONSES_OF_ATTEMPT).execute(Tuple.of(t.id()))
      .map(rows -> {
        Map<String, Graded> byQ = new HashMap<>();
        rows.forEach(r -> byQ.put(r.getString("QUESTION_ID"), new Graded(r.getDouble("FRACTION"), r.getDouble("POINTS"),
          Boolean.TRUE.equals(r.getBoolean("PENDING")), r.getString("COMMENT"))));
        return toJson(t, reveal, list, byQ);
      }));
  }

  /** The JSON of an attempt just submitted, from the grades and steps the submit wrote (nothing read back). */
  JsonObject toJson(Attempt t, Reveal reveal, List<AttemptHistory.Step> steps, AttemptService.Graded graded) {
    Map<String, Graded> byQ = new HashMap<>();
    for (AttemptService.QuestionGrade g : graded.questions()) {
      byQ.put(g.question().id(), new Graded(g.fraction(), AttemptService.round(g.points()), g.pending(), null));
    }
    return toJson(t, reveal, steps, byQ);
  }

  private JsonObject toJson(Attempt t, Reveal reveal, List<AttemptHistory.Step> steps, Map<String, Graded> byQ) {
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
      .put("maxScore", t.maxScore() != null ? t.maxScore() : AttemptService.round(access.quizOf(t).totalPoints()))
      .put("pending", t.pending())
      .put("late", t.late())
      .put("autoSubmitted", t.autoSubmitted())
      .put("answers", t.answers())
      .put("feedbackAvailable", withFeedback)
      .put("feedbackNote", reveal.note())
      .put("steps", AttemptHistory.toJson(steps, withFeedback));
    if (!t.submitted()) {
      return json.put("questions", questionsForStudent(t));
    }
    JsonArray qs = new JsonArray();
    Quiz quiz = access.quizOf(t);
    for (JsonObject view : questionsForStudent(t).stream().map(o -> (JsonObject) o).toList()) {
      Question q = quiz.question(view.getString("id")).orElseThrow();
      Graded r = byQ.get(q.id());
      JsonObject item = view.copy().put("answered", t.answers().getValue(q.id()) != null);
      if (withFeedback && r != null) {
        item.put("response", t.answers().getValue(q.id()))
          .put("earned", r.points())
          .put("fraction", r.fraction())
          .put("correct", !r.pending() && r.points() >= q.points() - 1e-9)
          .put("pending", r.pending())
          .put("answer", q.key())
          .put("explanation", q.explanation())
          .put("evidence", q.evidence())
          .put("paragraph", q.paragraph())
          .put("example", q.example())
          .put("evidenceUrl", evidenceUrl(t.readingId(), q))
          .put("comment", r.comment());
        if (q.note() != null) {
          item.put("note", q.note());
        }
        q.teacherView().fieldNames().stream().filter(f -> f.equals("accept") || f.equals("rubric"))
          .forEach(f -> item.put(f, q.teacherView().getValue(f)));
      }
      qs.add(item);
    }
    return json.put("questions", qs);
  }

  /** The reading page opened at the evidence paragraph, with the quoted sentence highlighted. */
  public static String evidenceUrl(String readingId, Question q) {
    return "/readings/" + readingId + "?p=" + q.paragraph() + "&hl="
      + URLEncoder.encode(q.evidence(), StandardCharsets.UTF_8) + "#p" + q.paragraph();
  }
}
