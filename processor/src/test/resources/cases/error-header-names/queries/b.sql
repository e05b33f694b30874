-- name: Other :many
SELECT name FROM users;

-- name: Dup :many
SELECT id FROM users;
