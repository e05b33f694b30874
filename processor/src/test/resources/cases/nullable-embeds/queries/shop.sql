-- LEFT JOIN: the right side's embed is @Nullable.
-- name: OrdersWithCustomer :many
SELECT sqlc.embed(o), sqlc.embed(c)
FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
ORDER BY o.id;

-- RIGHT JOIN: the left side's embed is @Nullable, the right side's is not.
-- name: CustomersWithOrders :many
SELECT sqlc.embed(o), sqlc.embed(c)
FROM orders o RIGHT JOIN customers c ON c.id = o.customer_id
ORDER BY c.id, o.id;

-- FULL JOIN: both sides are @Nullable.
-- name: OrdersAndCustomers :many
SELECT sqlc.embed(o), sqlc.embed(c)
FROM orders o FULL JOIN customers c ON c.id = o.customer_id
ORDER BY o.id, c.id;

-- Chained: an inner join after a LEFT JOIN keeps the left-joined table nullable; a RIGHT JOIN
-- after it makes everything before it nullable.
-- name: OrderChain :many
SELECT sqlc.embed(c), sqlc.embed(o), sqlc.embed(s), sqlc.embed(n)
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
LEFT JOIN shipments s ON s.order_id = o.id
RIGHT JOIN notes n ON n.order_id = o.id
ORDER BY n.order_id;

-- labels has no NOT NULL column, so its embed is @Nullable, absent when every column is NULL.
-- name: OrderLabels :many
SELECT sqlc.embed(o), sqlc.embed(l)
FROM orders o LEFT JOIN labels l ON l.order_id = o.id AND l.label IS NOT NULL
ORDER BY o.id;
