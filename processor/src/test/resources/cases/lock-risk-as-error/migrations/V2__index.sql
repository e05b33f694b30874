-- quarry:check lock-risk=error
CREATE INDEX users_email_idx ON users (email);
