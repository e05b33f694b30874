-- Values that look like SQL must stay values: InjectionEndToEndTest writes them through every
-- kind of parameter and checks that they come back unchanged and that canary is untouched.
CREATE TYPE mood AS ENUM ('calm', 'o''brien; DROP TABLE canary; --');
CREATE TYPE pair AS (label text, amount numeric);

CREATE TABLE notes (
  id     bigserial PRIMARY KEY,
  body   text NOT NULL,
  title  varchar(200),
  amount numeric,
  score  double precision,
  count  int,
  tags   text[] NOT NULL DEFAULT '{}',
  mood   mood,
  doc    json,
  docb   jsonb,
  pair   pair,
  data   bytea
);

CREATE TABLE canary (id int PRIMARY KEY);
INSERT INTO canary VALUES (1);
