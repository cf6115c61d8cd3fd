-- Accounts, their API tokens and web sessions. Secrets are stored only as hashes.
-- Times are epoch milliseconds (UTC); pages show them in Asia/Shanghai.
CREATE TABLE users (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  username        VARCHAR(32)  NOT NULL,
  display_name    VARCHAR(64)  NOT NULL,
  role            VARCHAR(16)  NOT NULL,
  password_hash   VARCHAR(400) NOT NULL,
  must_change_pw  BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at      BIGINT NOT NULL,
  CONSTRAINT users_username_uq UNIQUE (username),
  CONSTRAINT users_role_ck CHECK (role IN ('teacher', 'student'))
);

CREATE TABLE api_tokens (
  token_hash   VARCHAR(64) PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX api_tokens_user_ix ON api_tokens(user_id);

CREATE TABLE web_sessions (
  id_hash      VARCHAR(64) PRIMARY KEY,
  user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  expires_at   BIGINT NOT NULL
);
CREATE INDEX web_sessions_user_ix ON web_sessions(user_id);

-- Per-installation secrets (the CSRF key), made once on first start.
CREATE TABLE app_settings (
  name   VARCHAR(64) PRIMARY KEY,
  val    VARCHAR(400) NOT NULL
);
