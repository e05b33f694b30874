CREATE INDEX users_email_idx ON users (email);
ALTER TABLE users ADD COLUMN nickname text NOT NULL;
ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE users ALTER COLUMN age TYPE bigint;
ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id);
ALTER TABLE posts ADD CONSTRAINT posts_title_check CHECK (title <> '');
ALTER TABLE users ALTER COLUMN bio SET NOT NULL;
