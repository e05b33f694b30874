-- NAME: Upper :one
SELECT id FROM users WHERE id = @id;

--name: NoSpace :one
SELECT id FROM users WHERE id = @id;

-- name: Extra :one trailing words
SELECT id FROM users WHERE id = @id;

-- name: Two Names :one
SELECT 1;

-- name: Dash-Name :one
SELECT 1;
