-- name: PatchPerson :one
-- Updates only the columns whose Patch is set.
UPDATE people
SET display_name = quarry.patch(@display_name),
    bio = quarry.patch(sqlc.arg(bio)),
    born = quarry.patch(@born),
    visits = visits + 1
WHERE id = @id
RETURNING *;

-- name: PatchBio :execrows
UPDATE people SET bio = quarry.patch(@bio) WHERE id = @id;

-- name: PatchPeople :batchexec
UPDATE people SET bio = quarry.patch(@bio), born = quarry.patch(@born) WHERE id = @id;
