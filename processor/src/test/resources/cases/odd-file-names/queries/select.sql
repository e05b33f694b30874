-- name: B :many
SELECT id FROM users;
