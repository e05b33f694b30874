-- name: FindBio :one
SELECT bio FROM users WHERE id = @id;
