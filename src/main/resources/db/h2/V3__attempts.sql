-- Quiz attempts: one row per attempt, with the answers as JSON and the quiz version taken against.
-- responses keeps one graded row per question of a submitted attempt, for reports and grading.
CREATE TABLE attempts (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id  BIGINT REFERENCES assignments(id) ON DELETE CASCADE,   -- NULL for practice
  reading_id     VARCHAR(32)  NOT NULL,
  user_id        BIGINT       NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  quiz_version   VARCHAR(32)  NOT NULL,
  status         VARCHAR(16)  NOT NULL,           -- in_progress | submitted
  started_at     BIGINT       NOT NULL,
  saved_at       BIGINT,
  submitted_at   BIGINT,
  deadline       BIGINT,                          -- server time after which a submit is refused
  score          DOUBLE PRECISION,
  max_score      DOUBLE PRECISION,
  pending        INT          DEFAULT 0 NOT NULL, -- short answers waiting for a teacher
  late           BOOLEAN      DEFAULT FALSE NOT NULL,
  answers        CLOB         DEFAULT '{}' NOT NULL,
  option_order   CLOB,                            -- per-attempt display order, JSON
  graded_version VARCHAR(32),                     -- quiz version of the last grading
  -- set only while in progress: at most one open attempt per student and assignment (or practice
  -- reading), even when two starts race
  active_key     VARCHAR(96),
  CONSTRAINT attempts_status_ck CHECK (status IN ('in_progress', 'submitted')),
  CONSTRAINT attempts_active_uq UNIQUE (active_key)
);
CREATE INDEX attempts_assignment_user_ix ON attempts(assignment_id, user_id, status);
CREATE INDEX attempts_user_ix ON attempts(user_id, status);

CREATE TABLE responses (
  attempt_id     BIGINT       NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  question_id    VARCHAR(64)  NOT NULL,
  example        VARCHAR(64)  NOT NULL,
  answer         CLOB,                            -- the submitted answer, JSON
  fraction       DOUBLE PRECISION NOT NULL,       -- auto grade in [0,1]; 0 while pending
  points         DOUBLE PRECISION NOT NULL,       -- points earned (auto or teacher)
  max_points     DOUBLE PRECISION NOT NULL,
  pending        BOOLEAN      DEFAULT FALSE NOT NULL,
  comment        VARCHAR(2000),
  graded_by      BIGINT REFERENCES users(id),
  graded_at      BIGINT,
  PRIMARY KEY (attempt_id, question_id)
);
CREATE INDEX responses_question_ix ON responses(question_id);
