CREATE TABLE ignored_without_header (id int);

-- name: ListPostsByAuthor :many
SELECT p.id, p.title, p.summary, p.tags, u.email AS author_email
FROM posts p JOIN users u ON u.id = p.author_id
WHERE p.author_id = @author_id AND (sqlc.narg(tag)::text IS NULL OR sqlc.narg(tag) = ANY (p.tags))
ORDER BY p.id
LIMIT @max_rows;

-- name: PostTitle :one
SELECT title FROM posts WHERE id = @id;

-- name: PostSummary :one
SELECT summary FROM posts WHERE id = @id;

-- name: TagPosts :execrows
UPDATE posts SET tags = @tags WHERE id = ANY (@ids::bigint[]);
