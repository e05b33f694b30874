-- +migrate Up
CREATE TABLE users (
    id    serial PRIMARY KEY,
    email text NOT NULL
);
-- +migrate StatementBegin
CREATE FUNCTION normalize_email(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(trim($1));
$$;
-- +migrate StatementEnd

-- +migrate Down
DROP FUNCTION normalize_email(text);
DROP TABLE users;
