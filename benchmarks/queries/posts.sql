-- name: PostsWithComments :many
SELECT p.id, p.title, p.created_at,
       ARRAY(SELECT c FROM comments c WHERE c.post_id = p.id ORDER BY c.id) AS comments
FROM posts p
ORDER BY p.id;
