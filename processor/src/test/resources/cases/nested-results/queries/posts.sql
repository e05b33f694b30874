-- Each post with its comments, as a list of the comments table's record.
-- name: PostsWithComments :many
SELECT p.id, p.title,
       ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id ORDER BY c.id) AS comments
FROM posts p
ORDER BY p.id;

-- array_agg of a table's row; FILTER keeps a post without comments at an empty list.
-- name: PostWithCommentsAgg :one
SELECT p.id, array_agg(c ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL) AS comments
FROM posts p LEFT JOIN comments c ON c.post_id = p.id
WHERE p.id = @id
GROUP BY p.id;

-- Two levels: posts, their comments (a view's rows), each comment's reactions.
-- name: PostThreads :many
SELECT sqlc.embed(p),
       ARRAY(SELECT t FROM comment_threads t WHERE t.post_id = p.id ORDER BY t.id) AS threads
FROM posts p
ORDER BY p.id;

-- Without FILTER, a post without comments collects one NULL (the null-extended c): the list
-- leaves NULL elements out, so it is empty as well.
-- name: PostsWithCommentsLeftJoin :many
SELECT p.id, array_agg(c ORDER BY c.id) AS comments
FROM posts p LEFT JOIN comments c ON c.post_id = p.id
GROUP BY p.id
ORDER BY p.id;

-- A list of rows as the only column, and a view holding a list read whole and embedded.
-- name: CommentsOfPost :one
SELECT ARRAY(SELECT c FROM comments c WHERE c.post_id = @post_id ORDER BY c.id) AS comments;

-- name: Threads :many
SELECT * FROM comment_threads ORDER BY id;

-- name: ThreadsWithPost :many
SELECT sqlc.embed(t), p.title
FROM comment_threads t JOIN posts p ON p.id = t.post_id
ORDER BY t.id;
