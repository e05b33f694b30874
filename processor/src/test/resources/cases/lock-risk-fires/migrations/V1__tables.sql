CREATE TABLE users (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(100) NOT NULL,
    age   integer,
    bio   text
);
CREATE TABLE posts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL,
    title     text NOT NULL
);
CREATE TABLE labels (
    id   bigint NOT NULL,
    name text NOT NULL
);
CREATE TABLE notes (
    body text
);
