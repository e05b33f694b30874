CREATE TABLE users (id bigint PRIMARY KEY);

ALTER TABLE users ADD COLUMN name text;

ALTER TABLE users ADD COLUMN name text;

CREATE TABLE later (id int);
