-- name: TwoStatements :many
SELECT id FROM users;
SELECT name FROM users;

-- name: OnlySemicolons :exec
;;

-- name: Fine :many
SELECT id FROM users;

-- name: AtEof :many
