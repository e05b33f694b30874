-- name: Fine :one
SELECT id FROM users WHERE id = @id;

-- name: OpenString :one
SELECT id FROM users WHERE name = 'bob;

-- name: Never :one
SELECT 1;
