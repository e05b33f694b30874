-- name: SyntaxError :one
SELECT id,, name
FROM users WHERE id = @id;

-- name: MisspelledColumn :one
SELECT u.id, u.nmae
FROM users u
WHERE u.id = @id;

-- name: UnknownTable :many
SELECT * FROM user_profiles;

-- name: UnknownFunction :one
SELECT frobnicate(name) FROM users WHERE id = @id;

-- name: Fine :one
SELECT name FROM users WHERE id = @id;
