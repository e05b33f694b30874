-- name: BothIds :many
SELECT a.id, b.id, a.label, b.label FROM a JOIN b ON b.a_id = a.id;

-- name: ThreeIds :one
SELECT a.id, b.id, b.a_id AS id FROM a JOIN b ON b.a_id = a.id WHERE a.id = @id;

-- name: RenamedClash :many
SELECT a.id, b.id, a.id AS id2, b.label AS "ID" FROM a JOIN b ON b.a_id = a.id;

-- name: CaseClash :many
SELECT a.label AS "Label", a.label AS label, a.label AS "LABEL" FROM a;
