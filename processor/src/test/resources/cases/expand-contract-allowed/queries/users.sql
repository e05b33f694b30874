-- name: GetBiography :one
SELECT biography FROM users WHERE id = @id;
