CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE posts (
  id    bigserial PRIMARY KEY,
  title text NOT NULL
);
CREATE TABLE comments (
  id         bigserial PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES posts (id),
  body       text NOT NULL,
  rating     smallint,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE reactions (
  id         bigserial PRIMARY KEY,
  comment_id bigint NOT NULL REFERENCES comments (id),
  mood       mood NOT NULL,
  note       text,
  tags       text[]
);
-- A comment with its reactions: the second level of nesting is a view's row type.
CREATE VIEW comment_threads AS
  SELECT c.id, c.post_id, c.body,
         ARRAY(SELECT r FROM reactions r WHERE r.comment_id = c.id ORDER BY r.id) AS reactions
  FROM comments c;
CREATE TABLE tagged (
  id   bigserial PRIMARY KEY,
  post_id bigint NOT NULL,
  grid int[][] NOT NULL
);
