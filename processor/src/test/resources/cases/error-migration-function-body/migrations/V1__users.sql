CREATE TABLE users (id bigint PRIMARY KEY);

CREATE FUNCTION user_count() RETURNS bigint LANGUAGE plpgsql AS $body$
DECLARE
  n bigint;
BEGIN
	SELECT count(*) INTO n FROM users WHERE nope = 1;
  RETURN n;
END
$body$;

DO $$
DECLARE
  n bigint;
BEGIN
  n := user_count();
END
$$;
