package com.jiangxin.authoring;

/** The SQL of the authoring feature. */
final class AuthoringSql {
  private AuthoringSql() {
  }

  private static final String READING_COLUMNS = "r.id AS id, r.owner_id AS owner_id, r.title AS title, r.body AS body, "
    + "r.examples AS examples, r.quiz_version AS quiz_version, r.created_at AS created_at, r.updated_at AS updated_at";

  static final String INSERT_READING = "INSERT INTO own_readings (owner_id, title, body, examples, created_at, updated_at) "
    + "VALUES (?, ?, ?, ?, ?, ?)";

  static final String READING_BY_ID = "SELECT " + READING_COLUMNS + " FROM own_readings r WHERE r.id = ?";

  /** What changes when a reading or its quiz does: read on every use, the text only when it changed. */
  static final String READING_STAMP = "SELECT r.owner_id AS owner_id, r.quiz_version AS quiz_version, r.updated_at AS updated_at "
    + "FROM own_readings r WHERE r.id = ?";

  static final String ALL_READINGS = "SELECT " + READING_COLUMNS + " FROM own_readings r ORDER BY r.id";

  static final String UPDATE_READING = "UPDATE own_readings SET title = ?, body = ?, examples = ?, updated_at = ? WHERE id = ?";

  static final String VERSION_EXISTS = "SELECT COUNT(*) AS n FROM own_quiz_versions WHERE reading_id = ? AND version = ?";

  static final String INSERT_VERSION = "INSERT INTO own_quiz_versions (reading_id, version, quiz_text, published_at, published_by) "
    + "VALUES (?, ?, ?, ?, ?)";

  static final String SET_CURRENT_VERSION = "UPDATE own_readings SET quiz_version = ?, updated_at = ? WHERE id = ?";

  static final String VERSION_TEXT = "SELECT v.quiz_text AS quiz_text FROM own_quiz_versions v "
    + "WHERE v.reading_id = ? AND v.version = ?";

  /** Whether a student is in a class that was given the reading. */
  static final String STUDENT_ASSIGNED = "SELECT COUNT(*) AS n FROM assignments a "
    + "JOIN class_members m ON m.class_id = a.class_id WHERE a.reading_id = ? AND m.student_id = ?";

  /** A teacher's own readings, newest first (the "my readings" page). */
  static final String READINGS_BY_OWNER = "SELECT " + READING_COLUMNS + " FROM own_readings r WHERE r.owner_id = ? ORDER BY r.id DESC";

  /** How many versions of each of a teacher's quizzes were published. */
  static final String VERSION_COUNTS = "SELECT v.reading_id AS reading_id, COUNT(*) AS n FROM own_quiz_versions v "
    + "JOIN own_readings r ON v.reading_id = CONCAT('own-', CAST(r.id AS VARCHAR(20))) WHERE r.owner_id = ? GROUP BY v.reading_id";

  /** A teacher's classes, to assign a reading to (id, name). */
  static final String CLASSES_OF_TEACHER = "SELECT c.id AS id, c.name AS name FROM classes c WHERE c.teacher_id = ? ORDER BY c.id";
}
