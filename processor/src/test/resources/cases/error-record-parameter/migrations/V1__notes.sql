CREATE TYPE pair AS (label text, amount numeric);
CREATE TABLE notes (id bigint PRIMARY KEY, pair pair, pairs pair[]);
