-- name: Published :many
SELECT id, title, updated_at FROM posts WHERE published;
