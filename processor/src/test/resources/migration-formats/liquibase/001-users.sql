--liquibase formatted sql

--changeset alice:1
CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL
);
--rollback DROP TABLE users;

--changeset alice:2 runInTransaction:false
--comment: a concurrent index cannot run in a transaction
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
--rollback DROP INDEX users_email_idx;
