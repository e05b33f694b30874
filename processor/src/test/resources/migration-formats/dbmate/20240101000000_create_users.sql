-- migrate:up
CREATE TYPE user_role AS ENUM ('reader', 'writer');
CREATE TABLE users (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    role  user_role NOT NULL DEFAULT 'reader'
);

-- migrate:down
DROP TABLE users;
DROP TYPE user_role;
