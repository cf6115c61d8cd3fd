-- Attempts the server finished at the deadline (the student never pressed 交卷): graded with the
-- answers saved so far and marked 自动提交 in the gradebook and the review.
ALTER TABLE attempts ADD COLUMN auto_submitted BOOLEAN DEFAULT FALSE NOT NULL;
-- The deadline sweep looks for the few attempts still in progress among many submitted ones.
CREATE INDEX attempts_status_ix ON attempts(status);
