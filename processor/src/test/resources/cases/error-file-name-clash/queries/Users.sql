-- name: F :many
SELECT id FROM users;
