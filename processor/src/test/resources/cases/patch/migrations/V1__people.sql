CREATE TABLE people (
  id           bigserial PRIMARY KEY,
  display_name text NOT NULL,
  bio          text,
  born         date,
  visits       integer NOT NULL DEFAULT 0
);
