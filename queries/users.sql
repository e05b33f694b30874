-- name: CreateUser :one
INSERT INTO users (email, display_name, role, bio, birthday, links)
VALUES (@email, @display_name, @role, sqlc.narg(bio), sqlc.narg(birthday), @links)
RETURNING *;

-- name: GetUser :one
SELECT * FROM users WHERE id = @id;

-- name: FindUserByEmail :one
SELECT * FROM users WHERE email = $1;

-- name: ListUsersByRole :many
SELECT id, email, display_name, role, created_at
FROM users
WHERE role = @role
ORDER BY id;

-- name: PatchUser :one
-- Changes only the profile fields whose Patch is set (PATCH /users/{id}).
UPDATE users
SET display_name = quarry.patch(@display_name),
    bio = quarry.patch(@bio),
    birthday = quarry.patch(@birthday)
WHERE id = @id
RETURNING *;

-- name: ChangeUserRole :execrows
UPDATE users SET role = @role WHERE id = @id;

-- name: SetUserAvatar :execrows
UPDATE users SET avatar = sqlc.narg(avatar) WHERE id = sqlc.arg(id);

-- name: GetUserAvatar :one
SELECT avatar FROM users WHERE id = @id;

-- name: CountUsersByRole :many
SELECT role, count(*) AS user_count
FROM users
GROUP BY role
ORDER BY role;
