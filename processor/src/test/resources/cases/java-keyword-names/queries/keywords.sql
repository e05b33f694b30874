-- name: class :one
SELECT id, "default" FROM "class" WHERE id = @id;

-- name: ByKeywordParam :many
SELECT id FROM "class" WHERE "default" = @class;
