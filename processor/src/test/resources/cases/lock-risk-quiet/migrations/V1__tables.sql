-- Tables created in this migration are empty: indexes and constraints on them are fine.
CREATE TABLE users (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(100) NOT NULL,
    bio   text
);
CREATE INDEX users_email_idx ON users (email);
CREATE TABLE labels (
    id   bigint NOT NULL,
    name text NOT NULL
);
CREATE TABLE posts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id bigint NOT NULL,
    title     text NOT NULL
);
ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id);
ALTER TABLE users ADD COLUMN age integer NOT NULL;
