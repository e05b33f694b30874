-- name: GetSelector :one
SELECT * FROM profile_selectors WHERE id = @id;

-- name: ProfileSelectors :many
SELECT id, unnest(selectors)::profile_selector AS selector FROM profiles;

-- name: AddSelector :exec
UPDATE profiles SET selectors = selectors || @selector::profile_selector WHERE id = @id;
