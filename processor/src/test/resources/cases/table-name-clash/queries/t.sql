-- name: A :many
SELECT * FROM "_";

-- name: B :many
SELECT * FROM type;

-- name: C :many
SELECT * FROM "user";

-- name: D :many
SELECT * FROM users;

-- name: E :one
SELECT * FROM users WHERE id = @id;

-- name: ERow :one
SELECT 1 AS x;
