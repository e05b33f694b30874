-- The safe forms of each risky change.
ALTER TABLE users ADD COLUMN score integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN nickname text;
ALTER TABLE users ALTER COLUMN email TYPE varchar(200);
ALTER TABLE users ALTER COLUMN email TYPE text;
ALTER TABLE posts ADD CONSTRAINT posts_title_check CHECK (title <> '') NOT VALID;
ALTER TABLE users ADD CONSTRAINT users_bio_not_null CHECK (bio IS NOT NULL) NOT VALID;
