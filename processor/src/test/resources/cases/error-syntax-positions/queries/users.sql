-- name: AtStart :one
SELEC id FROM users WHERE id = @id;

-- name: InMiddle :many
SELECT id, name
FROM users
WHERE name = = @name;

-- name: AtEnd :many
SELECT id FROM users WHERE
;

-- name: AtEndNoSemicolon :many
SELECT id FROM users ORDER BY

-- name: Fine :one
SELECT id FROM users WHERE id = @id;
