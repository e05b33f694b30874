-- name: GapAfterNamed :one
SELECT id FROM data_sources WHERE name = @name AND project_id = $3;
