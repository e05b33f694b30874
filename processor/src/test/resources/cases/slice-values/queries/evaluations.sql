-- sqlc.slice as an array value, as minder writes it: NULL means "no filter".
-- name: ListEvaluations :many
SELECT id, name, status FROM evaluations
WHERE (sqlc.slice(statuses)::eval_status[] IS NULL OR status = ANY(sqlc.slice(statuses)::eval_status[]))
  AND (sqlc.slice(names)::text[] IS NULL OR name != ALL(sqlc.slice(names)::text[]))
  AND (sqlc.slice(labels)::text[] IS NULL OR labels && sqlc.slice(labels)::text[])
ORDER BY name;

-- name: DeleteEvaluations :execrows
DELETE FROM evaluations WHERE id = ANY(sqlc.slice(ids)::uuid[]);

-- The whole list of an IN still becomes = ANY(?).
-- name: EvaluationsNamed :many
SELECT id FROM evaluations WHERE name IN (sqlc.slice(names)) ORDER BY id;
