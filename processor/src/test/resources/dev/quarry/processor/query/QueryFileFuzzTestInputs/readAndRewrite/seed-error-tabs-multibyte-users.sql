-- name: Tabs :one
SELECT	id,	nmae FROM users WHERE id = @id;

-- name: Accents :one
SELECT 'café' AS x, nmae FROM users WHERE id = @id;

-- name: Emoji :one
SELECT '😀😀' AS x, nmae FROM users WHERE id = @id;

-- name: CJK :one
/* 日本語 */ SELECT nmae FROM users;
