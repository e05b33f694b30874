-- The nested-results benchmark (NestedBenchmark): 10,000 posts with 10 comments each, read as
-- posts holding their comments.
CREATE TABLE posts (
  id         bigint PRIMARY KEY,
  title      text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE comments (
  id         bigint PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES posts (id),
  author     text NOT NULL,
  body       text NOT NULL,
  rating     smallint,
  created_at timestamptz NOT NULL
);

CREATE INDEX comments_post_id_idx ON comments (post_id, id);
