-- name: OrdersWithEmail :many
SELECT o.id, e.email
FROM orders o JOIN user_emails e ON e.id = o.user_id;

-- name: Runs :one
SELECT count(*) AS runs FROM audit.runs;
