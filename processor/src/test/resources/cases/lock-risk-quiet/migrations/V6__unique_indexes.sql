-- The safe way to a key on a table with rows: build its index concurrently first.
CREATE UNIQUE INDEX CONCURRENTLY labels_id_idx ON labels (id);
CREATE UNIQUE INDEX CONCURRENTLY labels_name_idx ON labels (name);
