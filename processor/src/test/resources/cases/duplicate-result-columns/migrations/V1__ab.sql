CREATE TABLE a (id bigint PRIMARY KEY, label text NOT NULL);
CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint NOT NULL REFERENCES a (id), label text);
