-- name: CountAccounts :one
SELECT count(*) AS n FROM accounts;
