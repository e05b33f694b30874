ALTER TABLE users ADD COLUMN bio text;
CREATE INDEX users_bio_idx ON users (bio);
