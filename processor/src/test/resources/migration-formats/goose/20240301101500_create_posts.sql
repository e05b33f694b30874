-- +goose Up
-- Timestamped versions sort after the sequential ones, as goose orders them.
CREATE TABLE posts (
    id        bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id),
    title     text NOT NULL
);
CREATE INDEX posts_author_idx ON posts (author_id);

-- +goose Down
DROP TABLE posts;
