-- name: Empty :one
SELECT id AS "" FROM users;
