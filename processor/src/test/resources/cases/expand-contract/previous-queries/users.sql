-- name: GetBio :one
SELECT bio FROM users WHERE id = @id;
