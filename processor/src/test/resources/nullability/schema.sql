CREATE TYPE role AS ENUM ('reader', 'writer');
CREATE DOMAIN email AS text NOT NULL CHECK (VALUE LIKE '%@%');
CREATE DOMAIN maybe_text AS text;

CREATE TABLE users (
  id         bigserial PRIMARY KEY,
  email      email,
  name       text NOT NULL,
  nickname   maybe_text,
  bio        text,
  role       role NOT NULL DEFAULT 'reader',
  manager_id bigint REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE posts (
  id        bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  title     text NOT NULL,
  summary   text,
  score     numeric NOT NULL DEFAULT 0,
  tags      text[] NOT NULL DEFAULT '{}',
  metadata  jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE comments (
  id      bigserial PRIMARY KEY,
  post_id bigint NOT NULL REFERENCES posts (id),
  body    text NOT NULL,
  rating  int
);

CREATE TABLE profiles (
  user_id bigint PRIMARY KEY REFERENCES users (id),
  website text NOT NULL
);

CREATE VIEW post_authors AS
  SELECT p.id, p.title, u.name AS author_name, u.bio AS author_bio
  FROM posts p JOIN users u ON u.id = p.author_id;

CREATE VIEW user_websites AS
  SELECT u.id, u.name, pr.website
  FROM users u LEFT JOIN profiles pr ON pr.user_id = u.id;

-- Column names that JSqlParser reads as keywords, though PostgreSQL takes them as names.
CREATE TABLE jobs (
  id       bigint PRIMARY KEY,
  errors   integer NOT NULL,
  settings text
);

CREATE VIEW job_errors AS
  SELECT id, errors + 1 AS plus, settings FROM jobs;
