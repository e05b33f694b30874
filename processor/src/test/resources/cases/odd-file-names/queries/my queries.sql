-- name: C :many
SELECT id FROM users;
