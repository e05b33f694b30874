-- name: ListPosts :many
-- Posts, filtered by whichever of author, tag, publication and title the caller gives.
-- quarry:sort created_at, p.title
SELECT p.id, p.title, p.published_at, a.name AS author_name
FROM posts p
JOIN authors a ON a.id = p.author_id
/*[if @tag]*/ JOIN post_tags t ON t.post_id = p.id AND t.tag = @tag /*[end]*/
WHERE true
  /*[if @author]*/ AND p.author_id = @author /*[end]*/
  /*[if @published]*/ AND (p.published_at IS NOT NULL) = @published /*[end]*/
  /*[if @search]*/ AND p.title ILIKE '%' || @search || '%' /*[end]*/
ORDER BY p.id DESC
LIMIT @max_rows;

-- name: CountPosts :one
SELECT count(*) AS total
FROM posts p
WHERE true
  /*[if @author]*/ AND p.author_id = @author /*[end]*/
  /*[if @published_since]*/ AND p.published_at >= @published_since /*[end]*/;

-- name: LatestTitles :many
-- quarry:sort created_at, title
SELECT title FROM posts ORDER BY id;

-- name: ArchivePosts :execrows
UPDATE posts SET published_at = NULL
WHERE true /*[if @author]*/ AND author_id = @author /*[end]*/;

-- name: NullableFilter :many
SELECT id FROM posts p
WHERE true /*[if @published_at]*/ AND p.published_at IS NOT DISTINCT FROM @published_at /*[end]*/
ORDER BY id;

-- name: PostsByIdsOrTitle :many
-- sqlc's spellings work inside blocks too.
SELECT id FROM posts
WHERE true
  /*[if @title]*/ AND title = sqlc.arg(title) /*[end]*/
  /*[if @ids]*/ AND id IN (sqlc.slice(ids)) /*[end]*/
ORDER BY id;
