-- name: Echo :one
SELECT $1;

-- name: Labelled :one
SELECT @x AS y;

-- name: TaggedUsers :many
SELECT id, @tag AS tag FROM users WHERE name = @name;

-- Parameters that something types are fine, text or not.
-- name: Cast :one
SELECT @x::text AS y;

-- name: Compared :many
SELECT id, name FROM users WHERE name = @name OR id = @id;

-- name: Concatenated :one
SELECT upper(@s) || 'x' AS z;

-- name: Inserted :one
INSERT INTO users (name) VALUES (@name) RETURNING id, name;
