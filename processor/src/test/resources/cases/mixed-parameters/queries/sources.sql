-- minder's CreateDataSource: $1..$3 keep their numbers, the named ones take $4 and $5.
-- name: CreateDataSource :one
INSERT INTO data_sources (project_id, name, display_name, subscription_id, metadata)
VALUES ($1, $2, $3, sqlc.narg(subscription_id), sqlc.arg(metadata)::json) RETURNING *;

-- A named parameter before the $n ones takes the lowest number they leave free ($1).
-- name: UpdateDisplayName :one
UPDATE data_sources SET display_name = @display_name
WHERE id = $2 AND project_id = $3
RETURNING id, display_name;

-- Named parameters fill the gaps between $n numbers, in order of appearance.
-- name: Rename :execrows
UPDATE data_sources SET name = @new_name, display_name = $2, metadata = @metadata::json
WHERE id = $4;
