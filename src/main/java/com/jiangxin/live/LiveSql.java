package com.jiangxin.live;

/** The live feature's SQL, one constant per query; every column aliased. */
final class LiveSql {
  private LiveSql() {
  }

  private static final String SESSION_COLUMNS = "s.id AS id, s.teacher_id AS teacher_id, s.reading_id AS reading_id, "
    + "s.assignment_id AS assignment_id, s.class_id AS class_id, s.pin AS pin, s.guests AS guests, "
    + "s.speed_bonus AS speed_bonus, s.countdown AS countdown, s.status AS status, s.question_index AS question_index, "
    + "s.question_at AS question_at, s.created_at AS created_at, s.ended_at AS ended_at";

  static final String INSERT_SESSION = "INSERT INTO live_sessions (teacher_id, reading_id, assignment_id, class_id, pin, "
    + "open_pin, guests, speed_bonus, countdown, status, question_index, created_at) "
    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'lobby', -1, ?)";

  static final String SESSION = "SELECT " + SESSION_COLUMNS + " FROM live_sessions s WHERE s.id = ?";

  static final String SESSION_BY_PIN = "SELECT " + SESSION_COLUMNS + " FROM live_sessions s WHERE s.open_pin = ?";

  /** Moves to a question only from the index the caller saw, so two clicks cannot skip one. */
  static final String SHOW_QUESTION = "UPDATE live_sessions SET status = 'question', question_index = ?, question_at = ? "
    + "WHERE id = ? AND question_index = ? AND status <> 'finished'";

  static final String REVEAL = "UPDATE live_sessions SET status = 'revealed' "
    + "WHERE id = ? AND question_index = ? AND status IN ('question', 'revealed')";

  static final String FINISH = "UPDATE live_sessions SET status = 'finished', open_pin = NULL, ended_at = ? "
    + "WHERE id = ? AND status <> 'finished'";


  // ---- players ----
  private static final String PLAYER_COLUMNS = "p.id AS id, p.session_id AS session_id, p.user_id AS user_id, "
    + "p.name AS name, p.removed AS removed, p.joined_at AS joined_at";

  static final String INSERT_PLAYER = "INSERT INTO live_players (session_id, user_id, name, token_hash, removed, joined_at) "
    + "VALUES (?, ?, ?, ?, FALSE, ?)";

  static final String PLAYER_OF_USER = "SELECT " + PLAYER_COLUMNS + " FROM live_players p WHERE p.session_id = ? AND p.user_id = ?";

  /** A rejoining student gets a fresh token (the old device's stops working) and is back in the game. */
  static final String RENEW_PLAYER = "UPDATE live_players SET token_hash = ?, removed = FALSE WHERE id = ?";

  static final String PLAYER_BY_TOKEN = "SELECT " + PLAYER_COLUMNS + " FROM live_players p WHERE p.token_hash = ?";

  static final String PLAYERS = "SELECT " + PLAYER_COLUMNS + " FROM live_players p WHERE p.session_id = ? AND p.removed = FALSE "
    + "ORDER BY p.joined_at, p.id";

  static final String REMOVE_PLAYER = "UPDATE live_players SET removed = TRUE WHERE id = ? AND session_id = ? AND removed = FALSE";

  static final String COUNT_PLAYERS = "SELECT COUNT(*) AS n FROM live_players p WHERE p.session_id = ? AND p.removed = FALSE";

  // ---- answers ----
  /** Accepted only while the question is the session's current one and still open. */
  static final String INSERT_ANSWER = "INSERT INTO live_answers (session_id, player_id, question_id, answer, fraction, "
    + "elapsed_ms, answered_at) SELECT s.id, ?, ?, ?, ?, ? - s.question_at, ? FROM live_sessions s "
    + "WHERE s.id = ? AND s.status = 'question' AND s.question_index = ?";

  static final String COUNT_ANSWERS = "SELECT COUNT(*) AS n FROM live_answers a JOIN live_players p ON p.id = a.player_id "
    + "WHERE a.session_id = ? AND a.question_id = ? AND p.removed = FALSE";

  static final String ANSWERS_TO = "SELECT a.answer AS answer, a.fraction AS fraction FROM live_answers a "
    + "JOIN live_players p ON p.id = a.player_id WHERE a.session_id = ? AND a.question_id = ? AND p.removed = FALSE";

  static final String ANSWER_OF = "SELECT a.answer AS answer, a.fraction AS fraction FROM live_answers a "
    + "WHERE a.player_id = ? AND a.question_id = ?";

  /** Per player still in the game: correct answers and the time they took over them. */
  static final String SCORES = "SELECT p.id AS id, p.name AS name, p.user_id AS user_id, "
    + "COALESCE(SUM(CASE WHEN a.fraction >= 0.999 THEN 1 ELSE 0 END), 0) AS correct, "
    + "COALESCE(SUM(CASE WHEN a.fraction >= 0.999 THEN a.elapsed_ms ELSE 0 END), 0) AS correct_ms, "
    + "COALESCE(SUM(a.fraction), 0) AS fractions, COUNT(a.question_id) AS answered "
    + "FROM live_players p LEFT JOIN live_answers a ON a.player_id = p.id "
    + "WHERE p.session_id = ? AND p.removed = FALSE GROUP BY p.id, p.name, p.user_id";

  /** The classes a teacher teaches, for the start page. */
  static final String CLASSES_OF_TEACHER = "SELECT c.id AS id, c.name AS name FROM classes c WHERE c.teacher_id = ? ORDER BY c.name, c.id";

  static final String CLASS_OWNED = "SELECT c.id AS id FROM classes c WHERE c.id = ? AND c.teacher_id = ?";

  static final String IS_MEMBER = "SELECT 1 AS one FROM class_members m WHERE m.class_id = ? AND m.student_id = ?";

  /**
   * The finished sessions of a class, one row per session and member of the class who played:
   * correct answers and answers given, out of the questions shown. Params: class.
   */
  static final String CLASS_RESULTS = "SELECT s.id AS session_id, s.reading_id AS reading_id, s.assignment_id AS assignment_id, "
    + "s.created_at AS created_at, s.question_index + 1 AS shown, p.user_id AS user_id, "
    + "SUM(CASE WHEN a.fraction >= 0.999 THEN 1 ELSE 0 END) AS correct, COUNT(a.question_id) AS answered "
    + "FROM live_sessions s JOIN live_players p ON p.session_id = s.id AND p.removed = FALSE "
    + "JOIN class_members m ON m.class_id = s.class_id AND m.student_id = p.user_id "
    + "LEFT JOIN live_answers a ON a.player_id = p.id "
    + "WHERE s.class_id = ? AND s.status = 'finished' "
    + "GROUP BY s.id, s.reading_id, s.assignment_id, s.created_at, s.question_index, p.user_id "
    + "ORDER BY s.created_at, s.id";

  /**
   * Per question, the answers members of the class gave in the assignment's finished live sessions,
   * and how many were right. Params: assignment.
   */
  static final String ASSIGNMENT_ITEMS = "SELECT a.question_id AS question_id, COUNT(*) AS answered, "
    + "SUM(CASE WHEN a.fraction >= 0.999 THEN 1 ELSE 0 END) AS correct, COUNT(DISTINCT s.id) AS sessions "
    + "FROM live_sessions s JOIN live_players p ON p.session_id = s.id AND p.removed = FALSE "
    + "JOIN class_members m ON m.class_id = s.class_id AND m.student_id = p.user_id "
    + "JOIN live_answers a ON a.player_id = p.id "
    + "WHERE s.assignment_id = ? AND s.status = 'finished' GROUP BY a.question_id";
}
