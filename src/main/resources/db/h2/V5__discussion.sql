-- Discussion of an assignment: threads (the reading's prompts, teacher prompts, and one "margin"
-- thread holding the paragraph-anchored comments), posts and replies, reactions, the moderation
-- audit trail, and the teacher's participation scoring rule. Times are epoch milliseconds (UTC).
-- Text columns are twice the limits the application enforces, which count characters, not UTF-16 units.
CREATE TABLE discussion_threads (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  assignment_id    BIGINT        NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
  kind             VARCHAR(16)   NOT NULL,          -- prompt | margin
  -- 'quiz:0'.. for the quiz file's prompts, 'margin' for the comments thread, NULL for a teacher's
  -- prompt: the unique key makes the lazy creation of the first two idempotent
  seed_key         VARCHAR(32),
  title            VARCHAR(200)  NOT NULL,
  prompt           VARCHAR(4000) NOT NULL,
  post_before_see  BOOLEAN       DEFAULT FALSE NOT NULL,
  locked           BOOLEAN       DEFAULT FALSE NOT NULL,
  created_by       BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at       BIGINT        NOT NULL,
  CONSTRAINT discussion_threads_kind_ck CHECK (kind IN ('prompt', 'margin')),
  CONSTRAINT discussion_threads_seed_uq UNIQUE (assignment_id, seed_key)
);
CREATE INDEX discussion_threads_assignment_ix ON discussion_threads(assignment_id);

CREATE TABLE discussion_posts (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  thread_id      BIGINT        NOT NULL REFERENCES discussion_threads(id) ON DELETE CASCADE,
  author_id      BIGINT        NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  parent_id      BIGINT REFERENCES discussion_posts(id) ON DELETE CASCADE,  -- a reply's top-level post
  paragraph      INT,                               -- margin comments: the paragraph number
  quote          VARCHAR(1000),                     -- margin comments: the quoted sentence, if any
  body           VARCHAR(4000) NOT NULL,            -- plain text, line breaks kept; '' once deleted
  created_at     BIGINT        NOT NULL,
  edited_at      BIGINT,
  pinned         BOOLEAN       DEFAULT FALSE NOT NULL,
  hidden         BOOLEAN       DEFAULT FALSE NOT NULL,
  hidden_reason  VARCHAR(400),
  -- deleted by its author while it had replies: kept as a placeholder so the replies stay readable
  deleted        BOOLEAN       DEFAULT FALSE NOT NULL
);
CREATE INDEX discussion_posts_thread_ix ON discussion_posts(thread_id, id);
CREATE INDEX discussion_posts_author_ix ON discussion_posts(author_id, thread_id);
CREATE INDEX discussion_posts_parent_ix ON discussion_posts(parent_id);

-- "有启发": one per person per post; toggling deletes the row.
CREATE TABLE discussion_reactions (
  post_id      BIGINT NOT NULL REFERENCES discussion_posts(id) ON DELETE CASCADE,
  user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (post_id, user_id)
);

-- Every moderation step, never updated: who hid, restored, pinned or locked what, when and why.
-- post_id has no foreign key so the trail outlives a post its author later deletes.
CREATE TABLE discussion_moderation (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  thread_id   BIGINT       NOT NULL REFERENCES discussion_threads(id) ON DELETE CASCADE,
  post_id     BIGINT,
  actor_id    BIGINT       NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  action      VARCHAR(16)  NOT NULL,
  reason      VARCHAR(400),
  at          BIGINT       NOT NULL,
  CONSTRAINT discussion_moderation_action_ck CHECK (action IN
    ('hide', 'restore', 'pin', 'unpin', 'lock', 'unlock', 'settings'))
);
CREATE INDEX discussion_moderation_thread_ix ON discussion_moderation(thread_id, id);

-- Participation score of an assignment: points per post, reply and comment, up to a cap.
CREATE TABLE discussion_scoring (
  assignment_id  BIGINT PRIMARY KEY REFERENCES assignments(id) ON DELETE CASCADE,
  per_post       DOUBLE PRECISION NOT NULL,
  per_reply      DOUBLE PRECISION NOT NULL,
  per_comment    DOUBLE PRECISION NOT NULL,
  cap            DOUBLE PRECISION NOT NULL,
  updated_at     BIGINT NOT NULL
);
