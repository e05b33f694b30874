-- NAME: FindUser :one
SELECT id FROM users WHERE id = @id;

-- name CountUsers :one
SELECT count(*) FROM users;

-- Name: ListUsers many
SELECT id FROM users;

/* NAME: DeleteUser :exec */
DELETE FROM users WHERE id = @id;

--name: Tight :one
SELECT id FROM users WHERE id = @id;

-- name of the table: users, nothing to see here
-- name: Real :one
SELECT name FROM users WHERE id = @id;
