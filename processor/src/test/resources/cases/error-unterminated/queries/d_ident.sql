-- name: OpenIdent :one
SELECT "id FROM users;
