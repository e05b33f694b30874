-- name: CreateOrder :one
INSERT INTO orders (total, settings, history, note)
VALUES (@total, @settings, @history, sqlc.narg(note))
RETURNING *;

-- name: GetOrder :one
SELECT * FROM orders WHERE id = @id;

-- name: OrderSummaries :many
SELECT id, total, refund, settings FROM orders WHERE settings = @settings ORDER BY id;

-- name: SetRefund :execrows
UPDATE orders SET refund = sqlc.narg(refund) WHERE id = @id;
