-- Flyway runs a migration holding CREATE INDEX CONCURRENTLY outside a transaction.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
