-- Every query below fails for a reason of its own, between queries that are fine: each error is
-- reported at its query, so each query was analysed on its own.
-- name: Fine1 :many
SELECT id, mood FROM people;

-- name: SyntaxError :many
SELECT id FROM people WHERE;

-- name: Fine2 :one
SELECT mood FROM people WHERE mood = @mood::"Mood";

-- name: UnknownColumn :many
SELECT nam FROM people;

-- name: UnknownType :one
SELECT @mood::"Moody" AS mood;

-- name: Untyped :one
SELECT @anything AS x;

-- name: AnonymousRecord :many
SELECT id FROM pairs WHERE p = @p;

-- name: LockUnknown :exec
LOCK TABLE persons;

-- name: Fine3 :many
SELECT id, name FROM people WHERE mood = ANY(@moods::"Mood"[]);
