-- Flyway runs a migration with CREATE INDEX CONCURRENTLY outside a transaction.
CREATE INDEX CONCURRENTLY posts_author_idx ON posts (author_id);
