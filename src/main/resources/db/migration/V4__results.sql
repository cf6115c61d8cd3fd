-- Class results: indexes the gradebook, the assignment reports and the grading queue need.
CREATE INDEX responses_pending_ix ON responses(pending, attempt_id);
