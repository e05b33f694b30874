-- Blog users. The role is a PostgreSQL enum so that Quarry generates a Java enum for it.
CREATE TYPE user_role AS ENUM ('reader', 'writer', 'admin');

CREATE TABLE users (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email        text         NOT NULL UNIQUE,
    display_name varchar(100) NOT NULL,
    role         user_role    NOT NULL DEFAULT 'reader',
    bio          text,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
