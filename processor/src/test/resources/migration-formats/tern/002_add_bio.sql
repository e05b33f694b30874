-- tern: a migration without a down part has no separator.
ALTER TABLE users ADD COLUMN bio text;
