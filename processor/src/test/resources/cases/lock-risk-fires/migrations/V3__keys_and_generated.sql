ALTER TABLE users ADD COLUMN handle text UNIQUE;
ALTER TABLE notes ADD COLUMN id bigint PRIMARY KEY;
ALTER TABLE labels ADD PRIMARY KEY (id);
ALTER TABLE labels ADD CONSTRAINT labels_name_key UNIQUE (name);
ALTER TABLE users ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(email)) STORED;
