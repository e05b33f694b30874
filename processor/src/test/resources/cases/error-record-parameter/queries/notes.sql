-- name: NotesByPair :many
SELECT id FROM notes WHERE pair = @pair;

-- name: NotesByPairs :many
SELECT id FROM notes WHERE pairs = @pairs;

-- name: NotesByCastPair :many
SELECT id FROM notes WHERE pair = @pair::pair;
