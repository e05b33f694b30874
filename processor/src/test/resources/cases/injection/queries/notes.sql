-- name: CreateNote :one
INSERT INTO notes (body, title, amount, score, count, tags, mood, doc, docb, pair, data)
VALUES (@body, sqlc.narg(title), sqlc.narg(amount), sqlc.narg(score), sqlc.narg(count), @tags,
        sqlc.narg(mood), sqlc.narg(doc), sqlc.narg(docb), sqlc.narg(pair), sqlc.narg(data))
RETURNING *;

-- name: GetNote :one
SELECT * FROM notes WHERE id = @id;

-- name: NotesByBody :many
SELECT id FROM notes WHERE body = @body ORDER BY id;

-- name: NotesByTitle :many
SELECT id FROM notes WHERE title IS NOT DISTINCT FROM sqlc.narg(title) ORDER BY id;

-- name: NotesByBodies :many
SELECT id FROM notes WHERE body IN (sqlc.slice(bodies)) ORDER BY id;

-- name: NotesWithTag :many
SELECT id FROM notes WHERE @tag::text = ANY(tags) ORDER BY id;

-- name: NotesWithTags :many
SELECT id FROM notes WHERE tags = @tags ORDER BY id;

-- name: NotesByMood :many
SELECT id FROM notes WHERE mood = @mood ORDER BY id;

-- name: NotesByDoc :many
SELECT id FROM notes WHERE docb @> @docb ORDER BY id;

-- name: NotesByPair :many
SELECT id FROM notes WHERE pair = @pair::pair ORDER BY id;

-- name: NotesByAmount :many
SELECT id FROM notes WHERE amount = @amount ORDER BY id;

-- name: AddNotes :batchexec
INSERT INTO notes (body, title) VALUES (@body, sqlc.narg(title));

-- name: CopyNotes :copyfrom
INSERT INTO notes (body, title, tags, mood, docb, pair, data) VALUES (@body, @title, @tags, @mood, @docb, @pair, @data);

-- name: CountNotes :one
SELECT count(*) FROM notes;

-- name: CountCanaries :one
SELECT count(*) FROM canary;
