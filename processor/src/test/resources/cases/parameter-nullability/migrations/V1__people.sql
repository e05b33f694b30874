CREATE TABLE people (
  id       bigserial PRIMARY KEY,
  email    text NOT NULL UNIQUE,
  bio      text,
  born     date,
  visits   integer NOT NULL DEFAULT 0
);
