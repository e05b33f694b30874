-- name: GetOrder :one
SELECT * FROM orders WHERE id = @id;
