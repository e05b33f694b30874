-- name: Anonymous :one
SELECT 1, 2, now();

-- name: Odd :many
SELECT * FROM "_";

-- name: Symbols :one
SELECT 1 AS "?", 2 AS "$", 3 AS "_", 5 AS "9";
