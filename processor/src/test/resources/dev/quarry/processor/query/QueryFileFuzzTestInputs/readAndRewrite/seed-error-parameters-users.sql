-- name: BareAt :one
SELECT id FROM users WHERE id = @;

-- name: EmptyArg :one
SELECT id FROM users WHERE id = sqlc.arg();

-- name: BadArgName :one
SELECT id FROM users WHERE id = sqlc.arg(1x);

-- name: ZeroParam :one
SELECT id FROM users WHERE id = $0;

-- name: Gap :one
SELECT id FROM users WHERE id = $1 AND name = $3;

-- name: TwoTypes :one
SELECT id FROM users WHERE id = @v AND name = @v;
