-- :execrows and :execresult on statements with RETURNING count the rows the command tag counts,
-- as sqlc does (opentdf's updateSubjectMapping).
-- name: DeactivateMappings :execrows
UPDATE mappings SET active = false WHERE name = @name RETURNING id;

-- name: DeleteMappings :execresult
DELETE FROM mappings WHERE NOT active RETURNING *;

-- name: CreateMapping :exec
INSERT INTO mappings (name) VALUES (@name);
