-- New assignments shuffle option order per attempt unless the teacher turns it off; existing
-- assignments keep what their teacher chose.
ALTER TABLE assignments ALTER COLUMN shuffle SET DEFAULT TRUE;
