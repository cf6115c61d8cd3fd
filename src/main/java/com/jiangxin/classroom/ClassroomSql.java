package com.jiangxin.classroom;

/** Every query of the classroom feature: classes, members, assignments and their progress. */
final class ClassroomSql {
  private ClassroomSql() {
  }

  private static final String CLASS_COLUMNS = "c.id AS id, c.teacher_id AS teacher_id, t.display_name AS teacher_name, "
    + "c.name AS name, c.join_code AS join_code, c.join_open AS join_open, c.created_at AS created_at, "
    + "(SELECT COUNT(*) FROM class_members n WHERE n.class_id = c.id) AS student_count";
  private static final String CLASS_FROM = " FROM classes c JOIN users t ON t.id = c.teacher_id";

  static final String INSERT_CLASS =
    "INSERT INTO classes (teacher_id, name, join_code, join_open, created_at) VALUES (?, ?, ?, TRUE, ?)";
  static final String CLASS_BY_ID = "SELECT " + CLASS_COLUMNS + CLASS_FROM + " WHERE c.id = ?";
  static final String CLASS_BY_CODE = "SELECT " + CLASS_COLUMNS + CLASS_FROM + " WHERE c.join_code = ?";
  static final String CLASSES_OF_TEACHER = "SELECT " + CLASS_COLUMNS + CLASS_FROM
    + " WHERE c.teacher_id = ? ORDER BY c.created_at DESC, c.id DESC";
  static final String CLASSES_OF_STUDENT = "SELECT " + CLASS_COLUMNS + CLASS_FROM
    + " JOIN class_members m ON m.class_id = c.id WHERE m.student_id = ? ORDER BY m.joined_at DESC, c.id DESC";
  static final String UPDATE_JOIN_CODE = "UPDATE classes SET join_code = ? WHERE id = ?";
  static final String SET_JOIN_OPEN = "UPDATE classes SET join_open = ? WHERE id = ?";

  static final String IS_MEMBER =
    "SELECT COUNT(*) AS n FROM class_members m WHERE m.class_id = ? AND m.student_id = ?";
  /** Enrols a student unless already enrolled (keeps the first joined_at). Params: class, student, time, class, student. */
  static final String INSERT_MEMBER_IF_ABSENT = "INSERT INTO class_members (class_id, student_id, joined_at) "
    + "SELECT ?, ?, ? FROM (VALUES (1)) x WHERE NOT EXISTS "
    + "(SELECT 1 FROM class_members m WHERE m.class_id = ? AND m.student_id = ?)";
  static final String DELETE_MEMBER = "DELETE FROM class_members WHERE class_id = ? AND student_id = ?";
  static final String ROSTER = "SELECT u.id AS id, u.username AS username, u.display_name AS display_name, "
    + "u.must_change_pw AS must_change_pw, m.joined_at AS joined_at "
    + "FROM class_members m JOIN users u ON u.id = m.student_id WHERE m.class_id = ? ORDER BY u.username";
  static final String MEMBER = "SELECT u.id AS id, u.username AS username, u.display_name AS display_name, "
    + "u.must_change_pw AS must_change_pw, m.joined_at AS joined_at "
    + "FROM class_members m JOIN users u ON u.id = m.student_id WHERE m.class_id = ? AND m.student_id = ?";
  static final String USER_BY_USERNAME =
    "SELECT u.id AS id, u.role AS role, u.display_name AS display_name FROM users u WHERE u.username = ?";

  private static final String ASSIGNMENT_COLUMNS = "a.id AS id, a.class_id AS class_id, c.name AS class_name, "
    + "c.teacher_id AS teacher_id, a.reading_id AS reading_id, a.opens_at AS opens_at, a.due_at AS due_at, "
    + "a.max_attempts AS max_attempts, a.feedback AS feedback, a.instructions AS instructions, "
    + "a.shuffle AS shuffle, a.keep_score AS keep_score, a.closed AS closed, a.created_at AS created_at";
  /** Students of the class who have submitted at least one attempt, and the class size. */
  private static final String COMPLETION_COLUMNS = ", (SELECT COUNT(DISTINCT t.user_id) FROM attempts t "
    + "JOIN class_members k ON k.class_id = a.class_id AND k.student_id = t.user_id "
    + "WHERE t.assignment_id = a.id AND t.status = 'submitted') AS submitted, "
    + "(SELECT COUNT(*) FROM class_members n WHERE n.class_id = a.class_id) AS students, FALSE AS done";
  /** Whether the student (first parameter) has a submitted attempt. */
  private static final String DONE_COLUMNS = ", 0 AS submitted, 0 AS students, "
    + "EXISTS (SELECT 1 FROM attempts t WHERE t.assignment_id = a.id AND t.user_id = ? AND t.status = 'submitted') AS done";
  private static final String ASSIGNMENT_FROM = " FROM assignments a JOIN classes c ON c.id = a.class_id";
  private static final String ASSIGNMENT_ORDER = " ORDER BY a.closed, COALESCE(a.due_at, 9223372036854775807), a.id";

  /**
   * The one rule of who may see an assignment: its class's teacher or a student in its class.
   * Params: student (membership, -1 for a teacher), assignment, user (teacher), student (membership).
   */
  static final String ASSIGNMENT_VISIBLE_TO = "SELECT a.id AS id, a.class_id AS class_id, c.name AS class_name, "
    + "c.teacher_id AS teacher_id, a.reading_id AS reading_id, a.opens_at AS opens_at, a.due_at AS due_at, "
    + "a.max_attempts AS max_attempts, a.feedback AS feedback, a.shuffle AS shuffle, a.closed AS closed, "
    + "a.keep_score AS keep_score, "
    + "EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = a.class_id AND m.student_id = ?) AS member "
    + "FROM assignments a JOIN classes c ON c.id = a.class_id WHERE a.id = ? AND (c.teacher_id = ? "
    + "OR EXISTS (SELECT 1 FROM class_members k WHERE k.class_id = a.class_id AND k.student_id = ?))";
  static final String INSERT_ASSIGNMENT = "INSERT INTO assignments (class_id, reading_id, opens_at, due_at, "
    + "max_attempts, feedback, instructions, shuffle, keep_score, closed, created_at) "
    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)";
  static final String UPDATE_ASSIGNMENT = "UPDATE assignments SET reading_id = ?, opens_at = ?, due_at = ?, "
    + "max_attempts = ?, feedback = ?, instructions = ?, shuffle = ?, keep_score = ?, closed = ? WHERE id = ?";
  static final String ASSIGNMENT_WITH_COMPLETION = "SELECT " + ASSIGNMENT_COLUMNS + COMPLETION_COLUMNS
    + ASSIGNMENT_FROM + " WHERE a.id = ?";
  /** With one student's progress (once {@link #ASSIGNMENT_VISIBLE_TO} let them see it). Params: student, assignment. */
  static final String ASSIGNMENT_WITH_PROGRESS = "SELECT " + ASSIGNMENT_COLUMNS + DONE_COLUMNS + ASSIGNMENT_FROM
    + " WHERE a.id = ?";
  static final String ASSIGNMENTS_OF_TEACHER = "SELECT " + ASSIGNMENT_COLUMNS + COMPLETION_COLUMNS
    + ASSIGNMENT_FROM + " WHERE c.teacher_id = ?" + ASSIGNMENT_ORDER;
  static final String ASSIGNMENTS_OF_CLASS = "SELECT " + ASSIGNMENT_COLUMNS + COMPLETION_COLUMNS
    + ASSIGNMENT_FROM + " WHERE a.class_id = ?" + ASSIGNMENT_ORDER;
  /** The assignments a student has an attempt in progress for. Params: student. */
  static final String IN_PROGRESS_OF_STUDENT = "SELECT DISTINCT t.assignment_id AS assignment_id FROM attempts t "
    + "WHERE t.user_id = ? AND t.status = 'in_progress' AND t.assignment_id IS NOT NULL";

  /** Params: student (for done), student (membership). */
  static final String ASSIGNMENTS_OF_STUDENT = "SELECT " + ASSIGNMENT_COLUMNS + DONE_COLUMNS + ASSIGNMENT_FROM
    + " JOIN class_members m ON m.class_id = a.class_id WHERE m.student_id = ?" + ASSIGNMENT_ORDER;
}
