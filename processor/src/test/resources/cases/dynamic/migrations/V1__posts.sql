CREATE TABLE authors (
  id bigint PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES authors (id),
  title text NOT NULL,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE post_tags (
  post_id bigint NOT NULL REFERENCES posts (id),
  tag text NOT NULL,
  PRIMARY KEY (post_id, tag)
);
CREATE INDEX posts_author_id ON posts (author_id);
