-- name: A :many
SELECT id FROM users;
