-- name: CountUsers :one
SELECT count(*) AS n FROM users;
