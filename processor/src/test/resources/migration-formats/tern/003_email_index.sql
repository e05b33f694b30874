---- tern: disable-tx ----
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

---- create above / drop below ----

DROP INDEX CONCURRENTLY users_email_idx;
