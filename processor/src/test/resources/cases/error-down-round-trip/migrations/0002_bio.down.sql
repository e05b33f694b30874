-- Forgets the index: dropping the column drops it too, but also forgets nothing else... except
-- the new column it was asked to add back is kept.
DROP INDEX users_bio_idx;
