CREATE TYPE status AS ENUM ('draft', 'in review', 'published');
CREATE TYPE address AS (street text, zip int);

CREATE TABLE authors (
  id   bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  bio  text
);

CREATE TABLE books (
  id        bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES authors (id),
  title     text NOT NULL,
  status    status NOT NULL DEFAULT 'draft',
  tags      text[] NOT NULL DEFAULT '{}',
  isbn      text UNIQUE,
  pages     int CHECK (pages > 0)
);

CREATE TABLE reviews (
  id      bigserial PRIMARY KEY,
  book_id bigint NOT NULL REFERENCES books (id),
  stars   int NOT NULL CHECK (stars BETWEEN 1 AND 5)
);

-- The :copyfrom target: a column of every kind COPY's text format must encode.
CREATE TABLE events (
  id          bigint PRIMARY KEY,
  note        text,
  labels      text[],
  matrix      int[][],
  status      status,
  payload     jsonb,
  data        bytea,
  happened_at timestamptz,
  local_at    timestamp,
  place       address
);

-- A BEFORE trigger that returning NULL skips the row: the one way an INSERT ... VALUES ...
-- RETURNING, which Quarry types as exactly one row, can return none.
CREATE FUNCTION skip_marked_authors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name LIKE 'skipped by trigger%' THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER skip_marked_authors BEFORE INSERT ON authors
  FOR EACH ROW EXECUTE FUNCTION skip_marked_authors();
