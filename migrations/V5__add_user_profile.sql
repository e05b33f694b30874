-- Profile details: a small avatar image, a birthday and links to elsewhere on the web.
ALTER TABLE users
    ADD COLUMN avatar   bytea,
    ADD COLUMN birthday date,
    ADD COLUMN links    text[] NOT NULL DEFAULT '{}';
