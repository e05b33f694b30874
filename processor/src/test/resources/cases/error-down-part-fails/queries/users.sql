-- name: FindEmail :one
SELECT email FROM users WHERE id = @id;
