CREATE TABLE users (id bigint PRIMARY KEY);

DO $$
BEGIN
  PERFORM * FROM nope;
END
$$;
