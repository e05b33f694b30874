-- name: OpenComment :one
SELECT id /* note
FROM users;

-- name: Never3 :one
SELECT 1;
