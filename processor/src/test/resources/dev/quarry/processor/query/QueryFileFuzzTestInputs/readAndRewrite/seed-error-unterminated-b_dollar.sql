-- name: OpenDollar :one
SELECT $body$ hello FROM users;

-- name: Never2 :one
SELECT 1;
