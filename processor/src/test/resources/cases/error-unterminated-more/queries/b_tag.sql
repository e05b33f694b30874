-- name: TagMismatch :one
SELECT $a$ text $b$ AS x;
