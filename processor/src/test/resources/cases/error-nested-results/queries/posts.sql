-- name: AnonymousRecords :many
SELECT p.id, ARRAY(SELECT (c.id, c.body) FROM comments c WHERE c.post_id = p.id) AS comments
FROM posts p;

-- name: ArrayColumnInside :many
SELECT p.id, ARRAY(SELECT t FROM tagged t WHERE t.post_id = p.id) AS tagged
FROM posts p;

-- name: RowsAsParameter :many
SELECT id FROM comments WHERE comments = ANY (@rows::comments[]);
