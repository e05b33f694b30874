-- name: First :one
SELECT id FROM users WHERE id = @id;

-- name: Bad :one
SELECT id,
  nmae
FROM users WHERE id = @id;

-- name: Bad2 :mnay
SELECT 1;
