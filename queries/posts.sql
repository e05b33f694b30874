-- name: CreatePost :one
INSERT INTO posts (author_id, title, body, summary, metadata, reading_time)
VALUES (@author_id, @title, @body, sqlc.narg(summary), @metadata, sqlc.narg(reading_time))
RETURNING *;

-- name: GetPostWithAuthor :one
SELECT p.id, p.slug, p.title, p.body, p.summary, p.metadata, p.reading_time,
       p.featured, p.score, p.published_at, p.created_at,
       u.id AS author_id, u.display_name AS author_name, u.role AS author_role
FROM posts p
JOIN users u ON u.id = p.author_id
WHERE p.id = @id;

-- name: ListPosts :many
-- The post listing. Each filter is an optional block, in the statement only when the caller gives
-- its parameter, so the planner sees only real predicates; the caller picks the order from the
-- keys below, and p.id breaks ties (docs/dynamic-queries.md).
-- quarry:sort p.published_at, p.created_at, p.title, p.score
SELECT p.id, p.title, p.summary, p.featured, p.score, p.published_at,
       u.id AS author_id, u.display_name AS author_name
FROM posts p
JOIN users u ON u.id = p.author_id
/*[if @tag]*/ JOIN post_tags pt ON pt.post_id = p.id
  JOIN tags t ON t.id = pt.tag_id AND t.name = @tag /*[end]*/
WHERE true
  /*[if @author_id]*/ AND p.author_id = @author_id /*[end]*/
  /*[if @published]*/ AND (p.published_at IS NOT NULL) = @published /*[end]*/
  /*[if @title_search]*/ AND p.title ILIKE '%' || @title_search || '%' /*[end]*/
ORDER BY p.id DESC
LIMIT @max_results;

-- name: PublishPost :one
UPDATE posts
SET published_at = coalesce(published_at, now()),
    featured = @featured,
    score = @score
WHERE id = @id
RETURNING id, published_at, featured, score;

-- name: MergePostMetadata :execrows
UPDATE posts SET metadata = metadata || @patch::jsonb WHERE id = @id;

-- name: DeletePost :execrows
DELETE FROM posts WHERE id = @id;

-- name: AddTip :one
INSERT INTO tips (post_id, user_id, amount, note)
VALUES (@post_id, @user_id, @amount, sqlc.narg(note))
RETURNING *;

-- name: ListTipsForPost :many
SELECT * FROM tips WHERE post_id = @post_id ORDER BY paid_at, id;

-- name: SiteStats :one
SELECT (SELECT count(*) FROM posts)::bigint AS total_posts,
       (SELECT count(*) FROM posts WHERE published_at IS NOT NULL)::bigint AS published_posts,
       (SELECT coalesce(sum(amount), 0) FROM tips)::numeric AS total_tips;

-- name: TopAuthors :many
SELECT u.id, u.display_name, count(p.id)::bigint AS post_count
FROM users u
JOIN posts p ON p.author_id = u.id
GROUP BY u.id, u.display_name
ORDER BY post_count DESC, u.id
LIMIT @max_results;
