-- No query uses users.legacy_flag or audit: dropping them breaks nothing.
ALTER TABLE users DROP COLUMN legacy_flag;
DROP TABLE audit;
