-- A view embeds like a table; its record's nullability follows the view's columns.
-- name: ProfileByName :one
SELECT sqlc.embed(profiles_with_project), projects.id AS project_id
FROM profiles_with_project JOIN projects ON projects.name = profiles_with_project.project_name
WHERE profiles_with_project.name = @name;

-- A table in another schema, quoted, embedded through an outer join: the embed is nullable.
-- name: ProfileEvents :many
SELECT sqlc.embed(p), sqlc.embed(e)
FROM profiles p LEFT JOIN audit."Event" e ON e."ProfileId" = p.id
ORDER BY p.id;

-- name: ListProfilesWithEvents :many
SELECT * FROM profiles_with_events ORDER BY id;
