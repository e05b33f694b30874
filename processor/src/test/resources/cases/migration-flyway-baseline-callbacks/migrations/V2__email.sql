-- Covered by the B2 baseline: applying it after the baseline would fail (the column exists).
ALTER TABLE users ADD COLUMN email text NOT NULL;
