-- name: ListUsers :many
-- quarry:steam
SELECT id FROM users;

-- name: FindUser :one
-- quarry:stream
SELECT id FROM users WHERE id = @id;

-- name: ListNames :many
-- quarry:stream please
SELECT name FROM users;
