-- name: CreateBook :execrows
-- The author is looked up by name: on another connection than the one that inserted the author
-- in an open transaction, the author is not there and no book is inserted.
INSERT INTO books (author_id, title)
SELECT id, @title FROM authors WHERE name = @author_name;

-- name: ListBookTitles :many
SELECT title FROM books ORDER BY title;

-- name: DeleteBooks :exec
DELETE FROM books;
