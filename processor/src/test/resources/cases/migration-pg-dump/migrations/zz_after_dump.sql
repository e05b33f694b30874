-- Runs after the dump with the default search_path again: psql's session ended with the dump.
CREATE TABLE ticket_comments (
    ticket_id bigint NOT NULL REFERENCES tickets (id),
    body text NOT NULL
);
