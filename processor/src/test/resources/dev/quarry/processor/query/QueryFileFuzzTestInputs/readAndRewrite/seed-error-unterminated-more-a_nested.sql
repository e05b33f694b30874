-- name: Nested :one
SELECT id /* outer /* inner */ still open
FROM users;
