-- Statements PostgreSQL always answers with exactly one row: :one returns the row itself.

-- name: InsertValues :one
INSERT INTO authors (name, bio) VALUES (@name, @bio) RETURNING *;

-- name: InsertDefaultValues :one
INSERT INTO authors DEFAULT VALUES RETURNING id;

-- name: InsertSelectWithoutFrom :one
INSERT INTO authors (name) SELECT @name RETURNING id;

-- name: UpsertDoUpdate :one
INSERT INTO authors (name) VALUES (@name)
ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1
RETURNING id, visits;

-- name: CountAuthors :one
SELECT count(*) FROM authors WHERE bio IS NOT NULL;

-- name: AggregateWithFilter :one
SELECT count(*) FILTER (WHERE bio IS NULL) AS without_bio, max(visits) AS most_visits FROM authors;

-- name: ExpressionsWithoutFrom :one
SELECT now() AS at, @n::int + 1 AS next;

-- name: ScalarSubquery :one
-- A scalar subquery gives NULL when it finds no row: still one row, with a nullable column.
SELECT (SELECT bio FROM authors WHERE id = @id) AS bio;
