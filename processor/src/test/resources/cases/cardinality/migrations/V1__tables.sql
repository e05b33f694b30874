CREATE TABLE authors (
  id    bigserial PRIMARY KEY,
  name  text NOT NULL UNIQUE,
  bio   text,
  visits integer NOT NULL DEFAULT 0
);

-- An INSERT into archive is replaced by one into authors: its RETURNING rows are the rule's.
CREATE TABLE archive (
  id   bigint PRIMARY KEY,
  name text NOT NULL
);

CREATE RULE archive_redirect AS ON INSERT TO archive
  DO INSTEAD INSERT INTO authors (name) VALUES (NEW.name) RETURNING id, name;
