-- An attempt is a history: every save, submit, auto-submit, teacher grade and regrade appends one
-- step, never changed afterwards. The attempt's row keeps the current state; a step is written in
-- the same transaction as the state change it records, after the attempt row's update, whose row
-- lock orders the steps of one attempt.
CREATE TABLE attempt_steps (
  attempt_id    BIGINT       NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  seq           INT          NOT NULL,            -- 1, 2, 3 … within the attempt
  kind          VARCHAR(16)  NOT NULL,
  happened_at   BIGINT       NOT NULL,            -- epoch ms
  actor_id      BIGINT REFERENCES users(id) ON DELETE SET NULL, -- NULL: the server
  question_id   VARCHAR(64),                      -- graded: the question
  points        DOUBLE PRECISION,                 -- graded: the points given
  score_before  DOUBLE PRECISION,
  score_after   DOUBLE PRECISION,
  answers       TEXT,                             -- saved / submitted: the answers sent, JSON
  PRIMARY KEY (attempt_id, seq),
  CONSTRAINT attempt_steps_kind_ck CHECK (kind IN ('saved', 'submitted', 'auto_submitted', 'graded', 'regraded'))
);
