-- One query per rule that makes a parameter accept null, and the uses that keep it non-null.

-- name: InsertValues :exec
-- bio and born are nullable columns: their parameters take null; email is NOT NULL.
INSERT INTO people (email, bio, born) VALUES (@email, @bio, @born);

-- name: InsertSelect :exec
INSERT INTO people (email, bio) SELECT @email, @bio::text;

-- name: UpdateSet :execrows
UPDATE people SET bio = @bio, born = @born WHERE id = @id;

-- name: IsNullTest :many
-- An optional filter: a null born_before keeps every row.
SELECT id FROM people WHERE @born_before::date IS NULL OR born < @born_before;

-- name: DistinctFrom :many
SELECT id FROM people WHERE bio IS NOT DISTINCT FROM @bio;

-- name: Coalesce :execrows
UPDATE people SET visits = coalesce(@visits, visits) WHERE id = @id;

-- name: Nullif :exec
UPDATE people SET bio = nullif(@bio_text, '') WHERE id = @id;

-- name: Narg :many
SELECT id FROM people WHERE email = coalesce(sqlc.narg(email), email);

-- name: EqualsStaysNonNull :many
-- bio is nullable, but NULL = anything matches no row: the parameter stays non-null.
SELECT id FROM people WHERE bio = @bio;

-- name: SameParameterIntoNotNull :exec
-- Stored into email (NOT NULL) too: a null would fail, so it stays non-null.
INSERT INTO people (email, bio) VALUES (@text, @text);

-- name: CaseBranch :execrows
-- The value of a CASE stored into bio: river's "do_update" flags, a partial update by hand.
UPDATE people SET bio = CASE WHEN @bio_do_update::boolean THEN @bio ELSE bio END WHERE id = @id;
