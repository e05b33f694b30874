-- name: UserCount :one
SELECT count(*) FROM users;
