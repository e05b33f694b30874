-- quarry:allow lock-risk: V2 to V6 shipped together in the first release, so posts was still
-- empty when this ran. On a table in use, add slug without its volatile default and UNIQUE,
-- backfill it, then CREATE UNIQUE INDEX CONCURRENTLY; build the index below CONCURRENTLY.
-- A stable public identifier, free-form metadata, an estimated reading time and a ranking score
-- that editors set when they publish.
ALTER TABLE posts
    ADD COLUMN slug         uuid             NOT NULL DEFAULT gen_random_uuid() UNIQUE,
    ADD COLUMN metadata     jsonb            NOT NULL DEFAULT '{}',
    ADD COLUMN reading_time interval,
    ADD COLUMN featured     boolean          NOT NULL DEFAULT false,
    ADD COLUMN score        double precision NOT NULL DEFAULT 0;

-- The post list filters by author and orders by publication time.
CREATE INDEX posts_author_published_idx ON posts (author_id, published_at DESC);
