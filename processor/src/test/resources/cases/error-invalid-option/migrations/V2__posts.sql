CREATE TABLE posts (
  id        bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  title     varchar(200) NOT NULL,
  summary   text,
  tags      text[] NOT NULL DEFAULT '{}',
  score     numeric(10, 2)
);
