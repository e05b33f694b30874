-- name: UnknownTable :many
SELECT id FROM nope;

-- name: UnknownColumn :many
SELECT a.id, a.lable FROM a;

-- name: UnknownBareColumn :many
SELECT id, colour FROM a;

-- name: UnknownFunction :many
SELECT no_such_fn(label) FROM a;

-- name: WrongArgs :many
SELECT lower(id) FROM a;

-- name: Ambiguous :many
SELECT id FROM a JOIN b ON b.a_id = a.id;

-- name: UnknownInWhere :many
SELECT a.id FROM a WHERE a.missing = @x;

-- name: UnknownSchema :many
SELECT * FROM other.a;

-- name: UnknownInsertColumn :exec
INSERT INTO a (id, nope) VALUES (@id, @nope);

-- name: Fine :many
SELECT a.id FROM a JOIN b ON b.a_id = a.id;
