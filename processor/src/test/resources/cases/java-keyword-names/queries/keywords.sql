-- name: class :one
SELECT id, "default" FROM "class" WHERE id = @id;
