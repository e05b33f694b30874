-- The same tables as table-name-clash, used in the opposite order: each table keeps its
-- record name, because names do not depend on which query uses a table first.

-- name: D :many
SELECT * FROM users;

-- name: C :many
SELECT * FROM "user";

-- name: B :many
SELECT * FROM type;

-- name: A :many
SELECT * FROM "_";
