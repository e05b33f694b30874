-- name: GetAuthorBio :one
SELECT id, name,
       bio
FROM users
WHERE id = @id;

-- name: LegacyNotes :many
SELECT id FROM legacy_notes;
