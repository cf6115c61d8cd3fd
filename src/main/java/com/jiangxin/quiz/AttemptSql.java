package com.jiangxin.quiz;

/** Every query of quiz attempts. */
final class AttemptSql {
  private AttemptSql() {
  }

  static final String ATTEMPT_COLUMNS = "t.id AS id, t.assignment_id AS assignment_id, t.reading_id AS reading_id, "
    + "t.user_id AS user_id, t.quiz_version AS quiz_version, t.status AS status, t.started_at AS started_at, "
    + "t.saved_at AS saved_at, t.submitted_at AS submitted_at, t.deadline AS deadline, t.score AS score, "
    + "t.max_score AS max_score, t.pending AS pending, t.late AS late, t.answers AS answers, "
    + "t.option_order AS option_order, t.graded_version AS graded_version, t.auto_submitted AS auto_submitted";

  static final String ATTEMPT_BY_ID = "SELECT " + ATTEMPT_COLUMNS + " FROM attempts t WHERE t.id = ?";
  static final String ATTEMPT_BY_ACTIVE_KEY = "SELECT " + ATTEMPT_COLUMNS + " FROM attempts t WHERE t.active_key = ?";
  static final String ATTEMPTS_OF_USER_FOR_ASSIGNMENT = "SELECT " + ATTEMPT_COLUMNS
    + " FROM attempts t WHERE t.assignment_id = ? AND t.user_id = ? ORDER BY t.id";
  static final String SUBMITTED_OF_ASSIGNMENT = "SELECT " + ATTEMPT_COLUMNS
    + " FROM attempts t WHERE t.assignment_id = ? AND t.status = 'submitted' ORDER BY t.id";

  static final String STUDENT_NAMES_OF_ASSIGNMENT = "SELECT u.id AS id, u.display_name AS display_name FROM users u "
    + "JOIN class_members m ON m.student_id = u.id JOIN assignments a ON a.class_id = m.class_id WHERE a.id = ?";

  static final String USER_NAME = "SELECT u.display_name AS display_name, u.username AS username FROM users u WHERE u.id = ?";

  static final String INSERT_ATTEMPT = "INSERT INTO attempts (assignment_id, reading_id, user_id, quiz_version, status, "
    + "started_at, deadline, answers, option_order, active_key) VALUES (?, ?, ?, ?, 'in_progress', ?, ?, '{}', ?, ?)";
  /**
   * Starts an attempt at an assignment unless the student has used up its attempts, counted in the
   * same statement (so no read goes before it); inserts nothing then. A second open attempt of the
   * same student and assignment breaks the unique active key. Params: reading, user, quiz version,
   * started at, deadline, option order, active key, assignment, user.
   */
  static final String START_WITHIN_LIMIT = "INSERT INTO attempts (assignment_id, reading_id, user_id, quiz_version, "
    + "status, started_at, deadline, answers, option_order, active_key) SELECT a.id, CAST(? AS VARCHAR(32)), "
    + "CAST(? AS BIGINT), CAST(? AS VARCHAR(32)), 'in_progress', CAST(? AS BIGINT), CAST(? AS BIGINT), '{}', "
    + "CAST(? AS TEXT), CAST(? AS VARCHAR(96)) FROM assignments a WHERE a.id = ? "
    + "AND (SELECT COUNT(*) FROM attempts c WHERE c.assignment_id = a.id AND c.user_id = ?) < a.max_attempts";
  /**
   * An attempt with its assignment's door and feedback policy as they are now, and the teacher of
   * its class (all null for practice): what a submit needs, in one read.
   */
  static final String ATTEMPT_WITH_ASSIGNMENT = "SELECT " + ATTEMPT_COLUMNS + ", a.due_at AS a_due_at, "
    + "a.closed AS a_closed, a.feedback AS a_feedback, c.teacher_id AS a_teacher_id FROM attempts t "
    + "LEFT JOIN assignments a ON a.id = t.assignment_id LEFT JOIN classes c ON c.id = a.class_id WHERE t.id = ?";
  static final String SAVE_ANSWERS = "UPDATE attempts SET answers = ?, saved_at = ? WHERE id = ? AND status = 'in_progress'";
  /**
   * The one state change that finishes an attempt, by the student or by the server at the deadline;
   * matches nothing if it is already finished, so of two racing finishes (on any node) one wins.
   */
  static final String FINISH = "UPDATE attempts SET status = 'submitted', submitted_at = ?, score = ?, max_score = ?, "
    + "pending = ?, late = ?, answers = ?, graded_version = ?, auto_submitted = ?, active_key = NULL "
    + "WHERE id = ? AND status = 'in_progress'";

  /** An assignment's due time and whether it is closed, as it is now. */
  static final String ASSIGNMENT_STATE = "SELECT a.due_at AS due_at, a.closed AS closed FROM assignments a WHERE a.id = ?";

  /**
   * Open attempts whose assignment is closed or whose due time is before the given time (the
   * grace already taken off), oldest first, a batch at a time.
   */
  static final int SWEEP_BATCH = 500;
  static final String OVERDUE_ATTEMPTS = "SELECT " + ATTEMPT_COLUMNS + ", a.due_at AS a_due_at, a.closed AS a_closed "
    + "FROM attempts t JOIN assignments a ON a.id = t.assignment_id WHERE t.status = 'in_progress' "
    + "AND (a.closed = TRUE OR a.due_at < ?) ORDER BY t.id FETCH FIRST " + SWEEP_BATCH + " ROWS ONLY";

  /** The feedback policy and state of every assignment of a reading in the classes a student belongs to. */
  static final String ASSIGNMENTS_OF_READING_FOR_STUDENT = "SELECT a.feedback AS feedback, a.due_at AS due_at, "
    + "a.closed AS closed FROM assignments a JOIN class_members m ON m.class_id = a.class_id "
    + "WHERE m.student_id = ? AND a.reading_id = ?";

  /** Practice attempts a user started on a reading since a time. */
  static final String PRACTICE_STARTED_SINCE = "SELECT COUNT(*) AS n FROM attempts t WHERE t.user_id = ? "
    + "AND t.reading_id = ? AND t.assignment_id IS NULL AND t.started_at >= ?";
  static final String REGRADE = "UPDATE attempts SET score = ?, max_score = ?, pending = ?, graded_version = ? WHERE id = ?";

  static final String INSERT_RESPONSE = "INSERT INTO responses (attempt_id, question_id, example, answer, fraction, "
    + "points, max_points, pending) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  static final String RESPONSES_OF_ATTEMPT = "SELECT r.question_id AS question_id, r.example AS example, r.answer AS answer, "
    + "r.fraction AS fraction, r.points AS points, r.max_points AS max_points, r.pending AS pending, "
    + "r.comment AS comment, r.graded_by AS graded_by FROM responses r WHERE r.attempt_id = ?";

  // ---- regrade: responses change in place, so who graded an open answer and when stays ----

  /** A response graded automatically, graded again. Params: example, fraction, points, max, pending, attempt, question. */
  static final String REGRADE_RESPONSE = "UPDATE responses SET example = ?, fraction = ?, points = ?, max_points = ?, "
    + "pending = ? WHERE attempt_id = ? AND question_id = ?";
  /** A response of a question no longer in the quiz. */
  static final String DELETE_RESPONSE = "DELETE FROM responses WHERE attempt_id = ? AND question_id = ?";

  // ---- teacher grades ----

  static final String RESPONSE_FOR_GRADING = "SELECT r.points AS points, r.max_points AS max_points, r.pending AS pending "
    + "FROM responses r WHERE r.attempt_id = ? AND r.question_id = ?";
  static final String SET_GRADE = "UPDATE responses SET points = ?, fraction = ?, comment = ?, graded_by = ?, "
    + "graded_at = ?, pending = FALSE WHERE attempt_id = ? AND question_id = ?";
  /** The attempt's total and pending count from its responses, in the grading transaction. Params: id, id, id. */
  static final String RECOMPUTE_ATTEMPT = "UPDATE attempts SET "
    + "score = (SELECT ROUND(CAST(COALESCE(SUM(r.points), 0) AS DECIMAL(20, 6)), 2) FROM responses r WHERE r.attempt_id = ?), "
    + "pending = (SELECT COUNT(*) FROM responses r WHERE r.attempt_id = ? AND r.pending = TRUE) WHERE id = ?";
  static final String ATTEMPT_TOTALS = "SELECT t.score AS score, t.max_score AS max_score, t.pending AS pending "
    + "FROM attempts t WHERE t.id = ?";

  // ---- attempts recorded after the fact (the demo class) ----

  static final String RECORD_OPEN_ATTEMPT = "INSERT INTO attempts (assignment_id, reading_id, user_id, quiz_version, "
    + "status, started_at, saved_at, deadline, answers, option_order, active_key) "
    + "VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?, ?, '{}', ?)";
  static final String RECORD_SUBMITTED_ATTEMPT = "INSERT INTO attempts (assignment_id, reading_id, user_id, "
    + "quiz_version, status, started_at, saved_at, submitted_at, deadline, score, max_score, pending, late, answers, "
    + "option_order, graded_version) VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)";
  static final String RECORD_RESPONSE = "INSERT INTO responses (attempt_id, question_id, example, answer, fraction, "
    + "points, max_points, pending, comment, graded_by, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // ---- steps ----

  /**
   * Appends a step numbered one past the attempt's last, in one statement. Run after the attempt
   * row's update in the same transaction: that row lock orders the steps of one attempt (and the
   * key catches any slip). Params: attempt, kind, at, actor, question, points, score before, score
   * after, answers, attempt.
   */
  static final String APPEND_STEP = "INSERT INTO attempt_steps (attempt_id, seq, kind, happened_at, actor_id, "
    + "question_id, points, score_before, score_after, answers) SELECT CAST(? AS BIGINT), COALESCE(MAX(s.seq), 0) + 1, "
    + "CAST(? AS VARCHAR(16)), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(64)), "
    + "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS TEXT) "
    + "FROM attempt_steps s WHERE s.attempt_id = ?";
  static final String STEPS_OF_ATTEMPT = "SELECT s.seq AS seq, s.kind AS kind, s.happened_at AS happened_at, "
    + "s.actor_id AS actor_id, u.display_name AS actor_name, s.question_id AS question_id, s.points AS points, "
    + "s.score_before AS score_before, s.score_after AS score_after, s.answers AS answers "
    + "FROM attempt_steps s LEFT JOIN users u ON u.id = s.actor_id WHERE s.attempt_id = ? ORDER BY s.seq";
}
