-- name: PatchInWhere :exec
UPDATE people SET bio = @bio WHERE bio = quarry.patch(@old);

-- name: PatchInSelect :many
SELECT quarry.patch(@bio) FROM people;

-- name: PatchInsideExpression :exec
UPDATE people SET bio = coalesce(quarry.patch(@bio), 'x');

-- name: PatchAlsoPlain :exec
UPDATE people SET bio = quarry.patch(@bio) WHERE bio = @bio;

-- name: PatchNoName :exec
UPDATE people SET bio = quarry.patch(1);

-- name: PatchInUpsert :exec
INSERT INTO people (id, display_name) VALUES (@id, 'x')
ON CONFLICT (id) DO UPDATE SET bio = quarry.patch(@bio);
