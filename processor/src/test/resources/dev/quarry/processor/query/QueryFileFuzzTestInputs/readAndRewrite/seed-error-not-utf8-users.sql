-- name: Latin :many
SELECT id FROM users WHERE name = 'cafÿ';
