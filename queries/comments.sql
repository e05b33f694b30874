-- name: CreateComment :one
INSERT INTO comments (post_id, author_id, body, rating)
VALUES (@post_id, @author_id, @body, sqlc.narg(rating))
RETURNING *;

-- name: ListCommentsForPost :many
SELECT c.id, c.body, c.rating, c.created_at,
       u.id AS author_id, u.display_name AS author_name
FROM comments c
JOIN users u ON u.id = c.author_id
WHERE c.post_id = @post_id
ORDER BY c.created_at, c.id;

-- name: DeleteComment :execrows
DELETE FROM comments WHERE id = @id;

-- name: CommentStats :one
SELECT count(*)::bigint AS total_comments,
       avg(rating)::float8 AS average_rating
FROM comments;

-- An author's posts, newest first, each with its comments in one round trip: the comments come
-- as a list of the comments table's record (docs/nested-results.md), no grouping in Java.
-- name: ListThreadsByAuthor :many
SELECT p.id, p.title, p.published_at,
       ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id ORDER BY c.created_at, c.id) AS comments
FROM posts p
WHERE p.author_id = @author_id
ORDER BY p.created_at DESC, p.id DESC
LIMIT @max_posts;
