-- name: One :one
SELECT id FROM users WHERE id = @id;
