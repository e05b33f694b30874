-- name: Fine :many
SELECT * FROM users;

-- name: 2Fast :one
SELECT 1;

-- name: Unclosed :one
SELECT 'oops FROM users;
