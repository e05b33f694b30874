CREATE TABLE a (id bigint PRIMARY KEY, label text);
CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint REFERENCES a (id));
