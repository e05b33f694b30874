-- name:
SELECT 1;

-- name: class :one
SELECT id FROM users WHERE id = @id;

-- name: Dup :one
SELECT id FROM users WHERE id = @id;

-- name:    :many
SELECT id FROM users;
