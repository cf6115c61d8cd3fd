package com.jiangxin.account;

/** Every query of the account feature. */
final class AccountSql {
  private AccountSql() {
  }

  static final String USER_COLUMNS = "u.id AS id, u.username AS username, u.display_name AS display_name, "
    + "u.role AS role, u.must_change_pw AS must_change_pw";

  static final String INSERT_USER =
    "INSERT INTO users (username, display_name, role, password_hash, must_change_pw, created_at) VALUES (?, ?, ?, ?, ?, ?)";
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
  static final String DELETE_USER_TOKENS = "DELETE FROM api_tokens WHERE user_id = ?";

  static final String SETTING = "SELECT s.val AS val FROM app_settings s WHERE s.name = ?";
  static final String INSERT_SETTING = "MERGE INTO app_settings (name, val) KEY (name) VALUES (?, ?)";
}
