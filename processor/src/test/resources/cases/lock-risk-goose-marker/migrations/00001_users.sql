-- +goose Up
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);

-- +goose Down
DROP TABLE users;
