-- Classes, their members and the readings assigned to them.
CREATE TABLE classes (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  teacher_id   BIGINT       NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name         VARCHAR(64)  NOT NULL,
  join_code    VARCHAR(16)  NOT NULL,
  join_open    BOOLEAN      DEFAULT TRUE NOT NULL,
  created_at   BIGINT       NOT NULL,
  CONSTRAINT classes_join_code_uq UNIQUE (join_code)
);
CREATE INDEX classes_teacher_ix ON classes(teacher_id);

CREATE TABLE class_members (
  class_id     BIGINT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  student_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  joined_at    BIGINT NOT NULL,
  PRIMARY KEY (class_id, student_id)
);
CREATE INDEX class_members_student_ix ON class_members(student_id);

CREATE TABLE assignments (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  class_id       BIGINT       NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  reading_id     VARCHAR(32)  NOT NULL,
  opens_at       BIGINT,                       -- NULL: open at once
  due_at         BIGINT,                       -- NULL: no due time
  max_attempts   INT          DEFAULT 1 NOT NULL,
  feedback       VARCHAR(16)  DEFAULT 'immediate' NOT NULL,
  instructions   VARCHAR(2000),
  shuffle        BOOLEAN      DEFAULT FALSE NOT NULL,   -- shuffle option order per attempt
  keep_score     VARCHAR(8)   DEFAULT 'best' NOT NULL,  -- best | latest
  closed         BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at     BIGINT       NOT NULL,
  CONSTRAINT assignments_feedback_ck CHECK (feedback IN ('immediate', 'after_due', 'never')),
  CONSTRAINT assignments_keep_ck CHECK (keep_score IN ('best', 'latest')),
  CONSTRAINT assignments_attempts_ck CHECK (max_attempts BETWEEN 1 AND 20)
);
CREATE INDEX assignments_class_ix ON assignments(class_id);
