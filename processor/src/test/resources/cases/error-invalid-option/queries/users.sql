-- name: FindUserByEmail :one
SELECT * FROM users WHERE email = @email;

-- name: CreateUser :one
-- Creates a user; the e-mail address must be unused.
INSERT INTO users (email, role, bio) VALUES ($1, $2, $3)
RETURNING *;

-- name: ListUsersByRole :many
SELECT id, email FROM users WHERE role = sqlc.arg(role) ORDER BY id LIMIT sqlc.arg(max_rows);

-- name: CountUsers :one
SELECT count(*) AS total FROM users;

-- name: UserEmails :many
SELECT email FROM users ORDER BY email;

-- name: UpdateBio :execrows
UPDATE users SET bio = sqlc.narg(bio) WHERE id = @id;

-- name: DeleteUser :exec
DELETE FROM users WHERE id = $1;
