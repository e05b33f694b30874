-- name: :one
SELECT 1;

-- name: FindUser :first
SELECT * FROM users WHERE id = @id;

-- name: ListUsers
SELECT * FROM users;

-- name: ListNames :mnay
SELECT name FROM users;

-- name: RemoveUser :one
DELETE FROM users WHERE id = @id;

-- name: RemoveUsers :batchexec
DELETE FROM users WHERE id = @id RETURNING id;

-- name: Mixed :one
SELECT * FROM users WHERE id = $1 AND name = @name;

-- name: Fine :one
SELECT * FROM users WHERE id = @id;
