-- name: All :many
SELECT id FROM users;
