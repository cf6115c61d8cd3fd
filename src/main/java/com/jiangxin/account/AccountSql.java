package com.jiangxin.account;

/** Every query of the account feature. */
final class AccountSql {
  private AccountSql() {
  }

  static final String USER_COLUMNS = "u.id AS id, u.username AS username, u.display_name AS display_name, "
    + "u.role AS role, u.must_change_pw AS must_change_pw, u.approved AS approved, u.is_admin AS is_admin";

  static final String INSERT_USER = "INSERT INTO users (username, display_name, role, password_hash, must_change_pw, "
    + "approved, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String USER_BY_ID = "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?";
  static final String USER_WITH_HASH_BY_USERNAME = "SELECT " + USER_COLUMNS
    + ", u.password_hash AS password_hash FROM users u WHERE u.username = ?";
  static final String HASH_BY_ID = "SELECT u.password_hash AS password_hash FROM users u WHERE u.id = ?";
  static final String UPDATE_PASSWORD = "UPDATE users SET password_hash = ?, must_change_pw = FALSE WHERE id = ?";
  static final String USERNAME_EXISTS = "SELECT COUNT(*) AS n FROM users WHERE username = ?";

  static final String INSERT_TOKEN = "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
  static final String USER_BY_TOKEN = "SELECT " + USER_COLUMNS + " FROM api_tokens t JOIN users u ON u.id = t.user_id "
    + "WHERE t.token_hash = ? AND t.expires_at > ?";
  static final String DELETE_TOKEN = "DELETE FROM api_tokens WHERE token_hash = ?";

  static final String INSERT_SESSION = "INSERT INTO web_sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)";
  static final String USER_BY_SESSION = "SELECT " + USER_COLUMNS + " FROM web_sessions s JOIN users u ON u.id = s.user_id "
    + "WHERE s.id_hash = ? AND s.expires_at > ?";
  static final String DELETE_SESSION = "DELETE FROM web_sessions WHERE id_hash = ?";
  static final String DELETE_OTHER_SESSIONS = "DELETE FROM web_sessions WHERE user_id = ? AND id_hash <> ?";
  static final String DELETE_USER_SESSIONS = "DELETE FROM web_sessions WHERE user_id = ?";
  static final String SET_TEMPORARY_PASSWORD =
    "UPDATE users SET password_hash = ?, must_change_pw = TRUE WHERE id = ? AND role = 'student'";
  static final String DELETE_USER_TOKENS = "DELETE FROM api_tokens WHERE user_id = ?";

  /** Spends one use of an unexpired invite code. Params: code hash, now. */
  static final String SPEND_INVITE = "UPDATE teacher_invites SET uses_left = uses_left - 1 "
    + "WHERE code_hash = ? AND uses_left > 0 AND expires_at > ?";
  static final String ADMIN_CLAIMED = "SELECT COUNT(*) AS n FROM admin_claim";
  static final String CLAIM_ADMIN = "INSERT INTO admin_claim (name, user_id, claimed_at) VALUES ('admin', ?, ?)";
  static final String MAKE_ADMIN = "UPDATE users SET is_admin = TRUE, approved = TRUE WHERE id = ?";

  static final String TEACHERS_BY_APPROVAL = "SELECT u.id AS id, u.username AS username, u.display_name AS display_name, "
    + "u.created_at AS created_at, u.is_admin AS is_admin FROM users u "
    + "WHERE u.role = 'teacher' AND u.approved = ? ORDER BY u.created_at, u.id";
  static final String APPROVE_TEACHER = "UPDATE users SET approved = TRUE WHERE id = ? AND role = 'teacher' AND approved = FALSE";
  static final String DELETE_PENDING_TEACHER = "DELETE FROM users WHERE id = ? AND role = 'teacher' AND approved = FALSE";
  static final String INSERT_INVITE = "INSERT INTO teacher_invites (code_hash, created_by, created_at, expires_at, uses_left) "
    + "VALUES (?, ?, ?, ?, ?)";
  static final String ACTIVE_INVITES = "SELECT i.id AS id, u.display_name AS created_by, i.created_at AS created_at, "
    + "i.expires_at AS expires_at, i.uses_left AS uses_left FROM teacher_invites i JOIN users u ON u.id = i.created_by "
    + "WHERE i.uses_left > 0 AND i.expires_at > ? ORDER BY i.created_at DESC, i.id DESC";
  static final String DELETE_INVITE = "DELETE FROM teacher_invites WHERE id = ?";
  static final String APPROVE_SELF = "UPDATE users SET approved = TRUE WHERE id = ? AND role = 'teacher'";

  static final String SETTING = "SELECT s.val AS val FROM app_settings s WHERE s.name = ?";
  /** Never replaces a value: nodes starting together must all end up with the first one written. */
  static final String INSERT_SETTING_IF_ABSENT = "MERGE INTO app_settings s USING (VALUES (CAST(? AS VARCHAR(64)), "
    + "CAST(? AS VARCHAR(400)))) v (name, val) ON s.name = v.name "
    + "WHEN NOT MATCHED THEN INSERT (name, val) VALUES (v.name, v.val)";
}
