-- migrate:up transaction:false
ALTER TYPE user_role ADD VALUE 'admin';
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY users_email_idx;
