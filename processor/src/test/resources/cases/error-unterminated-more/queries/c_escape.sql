-- name: Escape :one
SELECT E'abc\' AS x;
