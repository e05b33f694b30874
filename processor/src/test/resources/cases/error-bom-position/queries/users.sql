-- name: Bad :one
SELECT nmae FROM users WHERE id = @id;
