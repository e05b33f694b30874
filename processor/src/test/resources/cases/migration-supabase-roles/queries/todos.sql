-- name: OpenTodos :many
SELECT id, task FROM todos WHERE owner = @owner AND NOT done;
