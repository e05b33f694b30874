CREATE TABLE users (id bigint PRIMARY KEY);
\ir more.sql
