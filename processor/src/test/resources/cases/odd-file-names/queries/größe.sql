-- name: D :many
SELECT id FROM users;
