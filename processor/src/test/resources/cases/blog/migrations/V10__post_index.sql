-- Versions order numerically: V10 runs after V2.
CREATE INDEX posts_author_idx ON posts (author_id);
ALTER TABLE posts ADD COLUMN published boolean NOT NULL DEFAULT false;
