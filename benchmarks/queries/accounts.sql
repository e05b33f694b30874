-- name: GetAccount :one
SELECT id, email, name, balance, active, created_at, note FROM accounts WHERE id = @id;

-- name: ListAccounts :many
SELECT id, email, name, balance, active, created_at, note FROM accounts WHERE id > @after_id ORDER BY id LIMIT @max_rows;
