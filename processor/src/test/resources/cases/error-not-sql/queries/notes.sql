-- name: Prose :many
This file is notes, not SQL;

-- name: JavaCode :one
public class Foo { int x = 1; }

-- name: Unclosed :many
SELECT (id FROM users;
