package com.jiangxin.quiz;

import com.jiangxin.account.User;
import com.jiangxin.web.SerialExecutor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The quiz feature's attempts, as other code sees them: start (or resume), save, submit — or be
 * submitted by the server at the deadline — grade on the server, regrade, and show what the feedback
 * policies allow. Each responsibility lives in its own class: {@link AttemptAccess} (who may touch
 * which attempt), {@link AttemptLifecycle} (start, save, submit), {@link Deadlines} (auto-submit),
 * {@link Regrading}, {@link Grading} (teacher grades), {@link AttemptViews} (JSON and feedback) and
 * {@link AttemptHistory} (the steps). Only this package writes attempt tables.
 */
public final class AttemptService {
  /** A submit this long after the due time still counts (marked late), for slow school Wi-Fi. */
  public static final long GRACE_MS = 60_000;
  /** Practice attempts one student may start on one reading per day (Asia/Shanghai). */
  public static final int PRACTICE_PER_DAY = 20;

  private final Clock clock;
  private final AttemptAccess access;
  private final AttemptLifecycle lifecycle;
  private final Deadlines deadlines;
  private final Regrading regrading;
  private final Grading grading;
  private final AttemptViews views;

  public AttemptService(Vertx vertx, Pool pool, QuizBank bank, Clock clock) {
    this.clock = clock;
    // one attempt's saves, submits and regrades take turns, across every verticle instance
    SerialExecutor serial = new SerialExecutor(vertx, "attempts");
    this.access = new AttemptAccess(pool, bank);
    this.lifecycle = new AttemptLifecycle(pool, access, serial, clock);
    this.deadlines = new Deadlines(pool, access, lifecycle, clock);
    this.regrading = new Regrading(pool, access, serial, clock);
    this.grading = new Grading(pool, access, clock);
    this.views = new AttemptViews(pool, access, new AttemptHistory(pool), clock);
  }

  /** An attempt and whether it was already in progress. */
  public record Started(Attempt attempt, boolean resumed) {
  }

  /** How one attempt's score moved in a regrade. */
  public record Moved(long attemptId, long userId, double before, double after) {
  }

  /** One question's grade within an attempt. */
  public record QuestionGrade(Question question, Object answer, double fraction, double points, boolean pending) {
  }

  /** Every question's grade of one attempt, the score, the maximum and how many wait for a teacher. */
  public record Graded(List<QuestionGrade> questions, double score, double max, int pending) {
  }

  /**
   * What the viewer may see of an attempt now.
   *
   * @param feedback per-question feedback: right or wrong, the key, the explanation, the evidence;
   *                 and the points and scores in the attempt's steps
   * @param score    the score (an assignment's always once submitted; practice's with its feedback)
   * @param note     why keys are held back though the attempt's own rules would show them, or null
   */
  public record Reveal(boolean feedback, boolean score, String note) {
    static final Reveal NOTHING = new Reveal(false, false, null);
  }

  /** The time after which a submit is refused: the due time plus the grace, or null without one. */
  static Long deadline(Long dueAt) {
    return dueAt == null ? null : dueAt + GRACE_MS;
  }

  /** Grades every question of the quiz; a missing answer is graded as wrong. */
  public static Graded grade(Quiz quiz, JsonObject answers) {
    List<QuestionGrade> out = new ArrayList<>();
    double score = 0;
    int pending = 0;
    for (Question q : quiz.questions()) {
      Object answer = answers.getValue(q.id());
      Grade g = q.grade(answer);
      double points = g.fraction() * q.points();
      out.add(new QuestionGrade(q, answer, g.fraction(), points, g.pending()));
      score += points;
      pending += g.pending() ? 1 : 0;
    }
    return new Graded(out, round(score), round(quiz.totalPoints()), pending);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The reading page opened at the evidence paragraph, with the quoted sentence highlighted. */
  public static String evidenceUrl(String readingId, Question q) {
    return AttemptViews.evidenceUrl(readingId, q);
  }

  /** Teacher grades of open answers, for the grading queue. */
  public Grading grading() {
    return grading;
  }

  // ---- delegation: the routes and other features call these ----

  Future<AssignmentInfo> visibleAssignment(long assignmentId, User caller) {
    return access.visibleAssignment(assignmentId, caller);
  }

  Quiz quizFor(String readingId) {
    return access.quizFor(readingId);
  }

  /** The quiz version an attempt started with. */
  Quiz quizOf(Attempt t) {
    return access.quizOf(t);
  }

  public Future<Started> startForAssignment(long assignmentId, User student) {
    return lifecycle.startForAssignment(assignmentId, student);
  }

  public Future<Started> startPractice(String readingId, User user) {
    return lifecycle.startPractice(readingId, user);
  }

  /** The attempt if the caller owns it or teaches its class; 404 otherwise. */
  public Future<Attempt> readable(long id, User caller) {
    return access.readable(id, caller);
  }

  /** A student's attempts at an assignment, oldest first (empty for a non-member). */
  public Future<List<Attempt>> attemptsOf(long assignmentId, User student) {
    return access.attemptsOf(assignmentId, student);
  }

  /** Display names of the students of an assignment's class, by id. */
  public Future<Map<Long, String>> studentNames(long assignmentId) {
    return access.studentNames(assignmentId);
  }

  /** A user's display name, for a teacher looking at a student's attempt; empty if the account is gone. */
  public Future<String> displayName(long userId) {
    return access.displayName(userId);
  }

  /** Merges answers into the attempt in progress (null clears one); appends a {@code saved} step. */
  public Future<Attempt> saveAnswers(long id, User student, JsonObject answers) {
    return lifecycle.saveAnswers(id, student, answers);
  }

  /** Grades and finishes the attempt; a repeat answers with the stored result and changes nothing. */
  public Future<Attempt> submit(long id, User student, JsonObject answers) {
    return lifecycle.submit(id, student, answers);
  }

  /**
   * Grades and finishes the attempt and answers its JSON as the student may see it now; the JSON of
   * a submit that finished it is built from what it wrote. A repeat answers with the stored result.
   */
  public Future<JsonObject> submitToJson(long id, User student, JsonObject answers) {
    return lifecycle.submitAndKeep(id, student, answers).compose(s -> s.graded() == null
      ? views.reveal(s.attempt(), student).compose(reveal -> views.toJson(s.attempt(), reveal))
      : views.revealJustSubmitted(s.attempt(), student, s.assignment())
        .map(reveal -> views.toJson(s.attempt(), reveal, s.steps(), s.graded())));
  }

  /** Submits every open attempt past its deadline or of a closed assignment; answers how many. */
  public Future<Integer> autoSubmitOverdue() {
    return deadlines.autoSubmitOverdue(clock.millis());
  }

  Future<Integer> autoSubmitOverdue(long now) {
    return deadlines.autoSubmitOverdue(now);
  }

  /** The attempt as it stands now, submitted first if its assignment's door has shut. */
  public Future<Attempt> settled(Attempt t) {
    return deadlines.settled(t);
  }

  /** Grades every submitted attempt of an assignment again; answers the attempts whose score moved. */
  public Future<List<Moved>> regrade(long assignmentId, User teacher) {
    return regrading.regrade(assignmentId, teacher);
  }

  /** The questions as the student sees them while answering, in this attempt's display order. */
  public JsonArray questionsForStudent(Attempt t) {
    return views.questionsForStudent(t);
  }

  /** What the viewer may see of this attempt now (the caller has checked they may read it). */
  public Future<Reveal> reveal(Attempt t, User viewer) {
    return views.reveal(t, viewer);
  }

  /** The JSON of an attempt: its state and steps, and feedback fields only when {@code withFeedback}. */
  public Future<JsonObject> toJson(Attempt t, boolean withFeedback) {
    return views.toJson(t, new Reveal(withFeedback, true, null));
  }

  /** The JSON of an attempt, showing what {@code reveal} allows. */
  public Future<JsonObject> toJson(Attempt t, Reveal reveal) {
    return views.toJson(t, reveal);
  }
}
