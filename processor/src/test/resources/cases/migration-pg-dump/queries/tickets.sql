-- name: OpenTickets :many
SELECT t.id, t.title, t.status, count(c.body) AS comments
FROM tickets t LEFT JOIN ticket_comments c ON c.ticket_id = t.id
WHERE t.status = 'open'
GROUP BY t.id;
