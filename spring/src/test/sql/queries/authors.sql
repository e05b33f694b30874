-- name: CreateAuthor :exec
INSERT INTO authors (name) VALUES (@name);

-- name: ListAuthorNames :many
SELECT name FROM authors ORDER BY name;

-- name: DeleteAuthors :exec
DELETE FROM authors;
