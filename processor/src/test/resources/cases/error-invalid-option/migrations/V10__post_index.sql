-- Versions order numerically: V10 runs after V2. The index is built concurrently, so writes to
-- posts go on meanwhile (Flyway runs this migration outside a transaction).
CREATE INDEX CONCURRENTLY posts_author_idx ON posts (author_id);
ALTER TABLE posts ADD COLUMN published boolean NOT NULL DEFAULT false;
