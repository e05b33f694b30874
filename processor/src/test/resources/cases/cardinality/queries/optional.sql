-- Statements that may return no row: :one returns an Optional.

-- name: OnConflictDoNothing :one
INSERT INTO authors (name) VALUES (@name) ON CONFLICT DO NOTHING RETURNING id;

-- name: OnConflictDoUpdateWhere :one
INSERT INTO authors (name) VALUES (@name)
ON CONFLICT (name) DO UPDATE SET visits = authors.visits + 1 WHERE authors.visits < 10
RETURNING id;

-- name: InsertSelectWhere :one
INSERT INTO authors (name) SELECT @name WHERE @allowed::boolean RETURNING id;

-- name: InsertManyValues :one
INSERT INTO authors (name) VALUES (@first), (@second) RETURNING id;

-- name: SelectWhereFalse :one
SELECT 1 AS one WHERE false;

-- name: SetReturningFunction :one
SELECT generate_series(1, @n::int) AS n;

-- name: AggregateWithLimit :one
SELECT count(*) FROM authors LIMIT @max_rows;

-- name: AggregateWithOffset :one
SELECT count(*) FROM authors OFFSET 1;

-- name: AggregateGroupBy :one
SELECT count(*) FROM authors GROUP BY bio;

-- name: AggregateHaving :one
SELECT count(*) FROM authors HAVING count(*) > 1;

-- name: TableWithInsteadRule :one
INSERT INTO archive (id, name) VALUES (@id, @name) RETURNING id, name;

-- name: FindAuthor :one
SELECT * FROM authors WHERE id = @id;

-- name: FindBio :one
-- A nullable single column where the row may be missing: Optional<Optional<String>>.
SELECT bio FROM authors WHERE id = @id;
