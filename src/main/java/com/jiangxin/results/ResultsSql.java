package com.jiangxin.results;

/**
 * Every query of class results. Aggregation happens here, in SQL ({@code GROUP BY} and window
 * functions), so a page costs a handful of indexed queries whatever the size of the school. Results
 * only read attempt tables: grades and simulated attempts are written by the quiz feature.
 */
final class ResultsSql {
  private ResultsSql() {
  }

  // ---- access ----

  static final String CLASS_BY_ID = "SELECT c.id AS id, c.name AS name, c.teacher_id AS teacher_id "
    + "FROM classes c WHERE c.id = ?";

  /** The teacher of the class an attempt belongs to (no row for practice attempts). */
  static final String ATTEMPT_OWNER = "SELECT t.id AS id, t.assignment_id AS assignment_id, t.status AS status, "
    + "t.reading_id AS reading_id, c.teacher_id AS teacher_id "
    + "FROM attempts t JOIN assignments a ON a.id = t.assignment_id JOIN classes c ON c.id = a.class_id WHERE t.id = ?";

  static final String IS_MEMBER = "SELECT COUNT(*) AS n FROM class_members m WHERE m.class_id = ? AND m.student_id = ?";

  // ---- gradebook ----

  static final String ASSIGNMENTS_OF_CLASS = "SELECT a.id AS id, a.class_id AS class_id, a.reading_id AS reading_id, "
    + "a.due_at AS due_at, a.max_attempts AS max_attempts, a.keep_score AS keep_score, a.closed AS closed "
    + "FROM assignments a WHERE a.class_id = ? ORDER BY COALESCE(a.due_at, a.created_at), a.id";

  static final String STUDENTS_OF_CLASS = "SELECT u.id AS id, u.username AS username, u.display_name AS display_name "
    + "FROM class_members m JOIN users u ON u.id = m.student_id WHERE m.class_id = ? ORDER BY u.username";

  /**
   * The kept attempt of each student at each assignment, found by plain aggregation: per
   * (assignment, student) the largest of a key that is the attempt id when the assignment keeps
   * the latest score, and score × 100 × 10¹² + id when it keeps the best (so the best score wins
   * and the later of equal scores). The id is the key modulo 10¹², and one primary-key join reads
   * the kept attempt. (A window function did the same an order of magnitude slower in H2.)
   */
  private static final String KEPT_KEY = "MAX(CASE WHEN a.keep_score = 'latest' THEN t.id "
    + "ELSE CAST(ROUND(COALESCE(t.score, 0) * 100) AS BIGINT) * 1000000000000 + t.id END)";
  private static final String KEPT_SELECT = "SELECT g.assignment_id AS assignment_id, g.user_id AS user_id, "
    + "k.id AS attempt_id, k.score AS score, k.max_score AS max_score, k.late AS late, "
    + "k.auto_submitted AS auto_submitted, g.n AS attempts, "
    + "g.pend AS pending FROM (SELECT t.assignment_id AS assignment_id, t.user_id AS user_id, COUNT(*) AS n, "
    + "SUM(t.pending) AS pend, " + KEPT_KEY + " AS kept ";
  private static final String KEPT_GROUP = " AND t.status = 'submitted' GROUP BY t.assignment_id, t.user_id) g "
    + "JOIN attempts k ON k.id = MOD(g.kept, 1000000000000)";

  /** One row per student and assignment of a class: the kept attempt, attempts used, pending answers. */
  static final String KEPT_OF_CLASS = KEPT_SELECT
    + "FROM assignments a JOIN attempts t ON t.assignment_id = a.id WHERE a.class_id = ?" + KEPT_GROUP;

  /** The same for one assignment. */
  static final String KEPT_OF_ASSIGNMENT = KEPT_SELECT
    + "FROM assignments a JOIN attempts t ON t.assignment_id = a.id WHERE a.id = ?" + KEPT_GROUP;

  /** The same for one student across the classes they belong to. */
  static final String KEPT_OF_STUDENT = KEPT_SELECT
    + "FROM attempts t JOIN assignments a ON a.id = t.assignment_id WHERE t.user_id = ?" + KEPT_GROUP;

  /** A student's assignments in every class they belong to, with the class. */
  static final String ASSIGNMENTS_OF_STUDENT = "SELECT a.id AS id, a.class_id AS class_id, c.name AS class_name, "
    + "a.reading_id AS reading_id, a.due_at AS due_at, a.max_attempts AS max_attempts, a.keep_score AS keep_score, "
    + "a.closed AS closed FROM class_members m JOIN assignments a ON a.class_id = m.class_id "
    + "JOIN classes c ON c.id = a.class_id WHERE m.student_id = ? "
    + "ORDER BY c.name, c.id, COALESCE(a.due_at, a.created_at), a.id";

  // ---- one student's attempts (teacher view) ----

  static final String USER_BY_ID = "SELECT u.id AS id, u.username AS username, u.display_name AS display_name "
    + "FROM users u WHERE u.id = ?";

  static final String ATTEMPTS_OF_STUDENT_IN_CLASS = "SELECT t.id AS id, t.assignment_id AS assignment_id, "
    + "t.reading_id AS reading_id, t.status AS status, t.started_at AS started_at, t.submitted_at AS submitted_at, "
    + "t.score AS score, t.max_score AS max_score, t.pending AS pending, t.late AS late, "
    + "t.auto_submitted AS auto_submitted FROM assignments a JOIN attempts t ON t.assignment_id = a.id "
    + "WHERE a.class_id = ? AND t.user_id = ? ORDER BY a.id, t.id";

  static final String RESPONSES_OF_STUDENT_IN_CLASS = "SELECT r.attempt_id AS attempt_id, r.question_id AS question_id, "
    + "CAST(r.answer AS VARCHAR(20000)) AS answer, r.points AS points, r.max_points AS max_points, "
    + "r.pending AS pending, r.comment AS comment "
    + "FROM assignments a JOIN attempts t ON t.assignment_id = a.id JOIN responses r ON r.attempt_id = t.id "
    + "WHERE a.class_id = ? AND t.user_id = ? AND t.status = 'submitted'";

  // ---- assignment report ----

  /** Class size, students with a submitted attempt, and students with an attempt in progress. Params: class, assignment, assignment. */
  static final String COMPLETION = "SELECT COUNT(*) AS students, "
    + "SUM(CASE WHEN EXISTS (SELECT 1 FROM attempts t WHERE t.assignment_id = ? AND t.user_id = m.student_id "
    + "AND t.status = 'submitted') THEN 1 ELSE 0 END) AS submitted, "
    + "SUM(CASE WHEN EXISTS (SELECT 1 FROM attempts t WHERE t.assignment_id = ? AND t.user_id = m.student_id "
    + "AND t.status = 'in_progress') THEN 1 ELSE 0 END) AS in_progress "
    + "FROM class_members m WHERE m.class_id = ?";

  /** Members of the class without a submitted attempt. Params: class, assignment. */
  static final String NOT_SUBMITTED = "SELECT u.id AS id, u.display_name AS display_name FROM class_members m "
    + "JOIN users u ON u.id = m.student_id WHERE m.class_id = ? AND NOT EXISTS (SELECT 1 FROM attempts t "
    + "WHERE t.assignment_id = ? AND t.user_id = m.student_id AND t.status = 'submitted') ORDER BY u.username";

  /**
   * Each class member's first submitted attempt at the assignment: item statistics use it, as
   * Moodle's "first attempt" setting does, so that what students learned from feedback on one
   * attempt does not flatter the next. Params: class, assignment.
   */
  private static final String FIRST_ATTEMPTS = "(SELECT MIN(t.id) AS id FROM attempts t "
    + "JOIN class_members m ON m.class_id = ? AND m.student_id = t.user_id "
    + "WHERE t.assignment_id = ? AND t.status = 'submitted' GROUP BY t.user_id) f";

  private static final String ITEM = "(r.points / r.max_points)";
  private static final String REST = "(t.score - r.points)";

  /** Per question of the first attempts: counts and the sums for facility and discrimination. Params: class, assignment. */
  static final String ITEM_MOMENTS = "SELECT r.question_id AS question_id, COUNT(*) AS answered, "
    + "SUM(CASE WHEN r.pending THEN 1 ELSE 0 END) AS pending, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE 1 END) AS n, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE " + ITEM + " END) AS sx, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE " + REST + " END) AS sy, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE " + ITEM + " * " + ITEM + " END) AS sxx, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE " + REST + " * " + REST + " END) AS syy, "
    + "SUM(CASE WHEN r.pending THEN 0 ELSE " + ITEM + " * " + REST + " END) AS sxy "
    + "FROM " + FIRST_ATTEMPTS + " JOIN attempts t ON t.id = f.id JOIN responses r ON r.attempt_id = t.id "
    + "GROUP BY r.question_id";

  /**
   * How many first attempts gave each distinct answer to each question, and what it earned (one row
   * per answer and points, so an open answer's rows give its score distribution). Params: class, assignment.
   */
  static final String ANSWER_COUNTS = "SELECT r.question_id AS question_id, "
    + "CAST(r.answer AS VARCHAR(4000)) AS answer, COUNT(*) AS n, "
    + "SUM(CASE WHEN r.pending THEN 1 ELSE 0 END) AS pending, "
    + "AVG(" + ITEM + ") AS fraction, SUM(r.points) AS points "
    + "FROM " + FIRST_ATTEMPTS + " JOIN responses r ON r.attempt_id = f.id "
    + "GROUP BY r.question_id, CAST(r.answer AS VARCHAR(4000)), r.points";

  /** Facility by cited example over the first attempts. Params: class, assignment. */
  static final String EXAMPLE_FACILITY = "SELECT r.example AS example, COUNT(*) AS n, SUM(" + ITEM + ") AS sx, "
    + "COUNT(DISTINCT r.question_id) AS questions "
    + "FROM " + FIRST_ATTEMPTS + " JOIN responses r ON r.attempt_id = f.id WHERE r.pending = FALSE "
    + "GROUP BY r.example";

  // ---- exports ----

  /** Every answer of every submitted attempt by a class member, in student then attempt order. Params: class, assignment. */
  static final String ANSWER_ROWS = "SELECT u.username AS username, u.display_name AS display_name, "
    + "t.id AS attempt_id, t.user_id AS user_id, t.submitted_at AS submitted_at, t.late AS late, t.score AS score, "
    + "t.auto_submitted AS auto_submitted, "
    + "r.question_id AS question_id, r.example AS example, CAST(r.answer AS VARCHAR(20000)) AS answer, "
    + "r.points AS points, r.max_points AS max_points, r.pending AS pending, r.comment AS comment "
    + "FROM attempts t JOIN class_members m ON m.class_id = ? AND m.student_id = t.user_id "
    + "JOIN users u ON u.id = t.user_id JOIN responses r ON r.attempt_id = t.id "
    + "WHERE t.assignment_id = ? AND t.status = 'submitted'";

  // ---- grading ----

  private static final String PENDING_FROM = "FROM attempts t JOIN responses r ON r.attempt_id = t.id "
    + "JOIN users u ON u.id = t.user_id WHERE t.assignment_id = ? AND t.status = 'submitted' AND r.pending = TRUE";

  static final String PENDING_COUNT = "SELECT COUNT(*) AS n " + PENDING_FROM;

  /** Open answers waiting for a teacher, oldest submission first. Params: assignment, limit, offset. */
  static final String PENDING_ANSWERS = "SELECT t.id AS attempt_id, t.user_id AS user_id, u.username AS username, "
    + "u.display_name AS display_name, t.submitted_at AS submitted_at, t.score AS score, t.max_score AS max_score, "
    + "r.question_id AS question_id, CAST(r.answer AS VARCHAR(20000)) AS answer, r.max_points AS max_points "
    + PENDING_FROM + " ORDER BY t.submitted_at, t.id, r.question_id LIMIT ? OFFSET ?";

  // ---- demo ----

  /** The classes of the demo teacher, oldest first. */
  static final String DEMO_CLASS = "SELECT c.id AS class_id, c.teacher_id AS teacher_id FROM classes c "
    + "JOIN users u ON u.id = c.teacher_id WHERE u.username = ? ORDER BY c.id";

  /** The demo class's assignments, with how many attempts each has (0: not simulated yet). */
  static final String DEMO_ASSIGNMENTS = "SELECT a.id AS id, a.reading_id AS reading_id, "
    + "a.max_attempts AS max_attempts, a.due_at AS due_at, "
    + "(SELECT COUNT(*) FROM attempts t WHERE t.assignment_id = a.id) AS attempts "
    + "FROM assignments a WHERE a.class_id = ? ORDER BY a.id";

  /** The demo class's students by username. */
  static final String DEMO_STUDENTS = "SELECT m.student_id AS id FROM class_members m "
    + "JOIN users u ON u.id = m.student_id WHERE m.class_id = ? ORDER BY u.username";
}
