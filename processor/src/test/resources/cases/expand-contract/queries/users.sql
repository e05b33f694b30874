-- name: GetBiography :one
SELECT coalesce(biography, bio) AS biography FROM users WHERE id = @id;
