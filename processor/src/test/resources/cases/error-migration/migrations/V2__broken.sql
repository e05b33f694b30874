CREATE INDEX users_name_idx ON users (name);

ALTER TABLE users
  ADD COLUMN email text NOT NULL REFERENCES accounts (email);
