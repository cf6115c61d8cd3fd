-- Class results.
-- The gradebook, the reports and the grading queue read through indexes V3 already has: attempts
-- by (assignment, user, status) and by (user, status), responses by attempt, members by class,
-- assignments by class. Measured on a school year of about a million responses (see the results
-- benchmark), each results query touches only its class's rows, so no new index would pay for what
-- it costs every submit. (An index on responses.pending made the grading queue scan every waiting
-- answer of the school instead of one assignment's, so there is none.)
-- What results add is a guard: a teacher's grade stays within the question's points.
ALTER TABLE responses ADD CONSTRAINT responses_points_ck CHECK (points >= 0 AND points <= max_points + 0.01);
