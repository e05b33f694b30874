-- name: E :many
SELECT id FROM users;
