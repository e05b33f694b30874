-- name: UpsertTags :many
-- Rows are locked in name order, so that transactions upserting the same tags cannot deadlock
-- (without ORDER BY, a generic plan's HashAggregate yields them in another order).
INSERT INTO tags (name)
SELECT DISTINCT unnest(@names::text[]) AS name
ORDER BY name
ON CONFLICT (name) DO UPDATE SET name = excluded.name
RETURNING *;

-- name: TagPost :exec
INSERT INTO post_tags (post_id, tag_id)
VALUES (@post_id, @tag_id)
ON CONFLICT DO NOTHING;

-- name: ListTagsForPost :many
SELECT t.*
FROM tags t
JOIN post_tags pt ON pt.tag_id = t.id
WHERE pt.post_id = @post_id
ORDER BY t.name;

-- name: ListTagNamesForPosts :many
SELECT pt.post_id, t.name
FROM post_tags pt
JOIN tags t ON t.id = pt.tag_id
WHERE pt.post_id = ANY(@post_ids::bigint[])
ORDER BY pt.post_id, t.name;

-- name: PopularTags :many
SELECT t.name, count(*)::bigint AS post_count
FROM tags t
JOIN post_tags pt ON pt.tag_id = t.id
GROUP BY t.name
ORDER BY post_count DESC, t.name
LIMIT @max_results;
