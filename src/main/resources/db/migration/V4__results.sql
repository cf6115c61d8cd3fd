-- Class results: what a regrade moved (so the teacher can see it after the redirect), and the
-- indexes the gradebook, reports and grading queue need at the size of a whole school year.

CREATE TABLE regrade_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id  BIGINT NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
  teacher_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  ran_at         BIGINT NOT NULL,
  checked        INT    NOT NULL,          -- submitted attempts graded again
  moved          CLOB   NOT NULL           -- JSON: [{"attemptId","userId","before","after"}]
);
CREATE INDEX regrade_log_assignment_ix ON regrade_log(assignment_id);
