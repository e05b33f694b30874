-- name: GetUser :one
SELECT id FROM users WHERE id = @id;

-- name: get_user :one
SELECT id FROM users WHERE id = @id;

-- name: getUser :one
SELECT name FROM users WHERE id = @id;
