-- name: ListUsers :many
SELECT * FROM users;
