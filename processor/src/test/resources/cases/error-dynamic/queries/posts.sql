-- name: Unterminated :many
SELECT id FROM posts WHERE true /*[if @author]*/ AND author_id = @author;

-- name: EndWithoutIf :many
SELECT id FROM posts WHERE true AND author_id = @author /*[end]*/;

-- name: Nested :many
SELECT id FROM posts WHERE true
  /*[if @author]*/ AND author_id = @author /*[if @title]*/ AND title = @title /*[end]*/ /*[end]*/;

-- name: UnusedSwitch :many
SELECT id FROM posts WHERE true /*[if @author]*/ AND author_id = 1 /*[end]*/;

-- name: BadMarker :many
SELECT id FROM posts WHERE true /*[if author]*/ AND author_id = @author /*[end]*/;

-- name: UnknownMarker :many
SELECT id FROM posts WHERE true /*[when @author]*/ AND author_id = @author /*[end]*/;

-- name: SwitchOutside :many
SELECT id FROM posts WHERE author_id = @author /*[if @author]*/ AND author_id > @author /*[end]*/;

-- name: StrayParameter :many
SELECT id FROM posts WHERE true /*[if @author]*/ AND author_id = @author AND title = @title /*[end]*/;

-- name: Positional :many
SELECT id FROM posts WHERE id > $1 /*[if @author]*/ AND author_id = @author /*[end]*/;

-- name: Parentheses :many
SELECT id FROM posts WHERE (true /*[if @author]*/ AND author_id = @author) /*[end]*/;

-- name: Batch :batchexec
UPDATE posts SET title = @title WHERE true /*[if @author]*/ AND author_id = @author /*[end]*/;

-- name: OffBreaksSyntax :many
SELECT id FROM posts WHERE /*[if @author]*/ author_id = @author /*[end]*/ ORDER BY id;

-- name: OffLosesJoin :many
SELECT p.id FROM posts p
/*[if @tag]*/ JOIN post_tags t ON t.post_id = p.id AND t.tag = @tag /*[end]*/
WHERE true /*[if @author]*/ AND t.tag <> '' AND p.author_id = @author /*[end]*/;

-- name: BrokenBlock :many
SELECT id FROM posts WHERE true /*[if @author]*/ AND writer_id = @author /*[end]*/;

-- name: NullabilityChanges :many
-- A RIGHT JOIN in a block null-extends posts: p.id is nullable only with the block on.
SELECT p.id FROM posts p
/*[if @tag]*/ RIGHT JOIN post_tags t ON t.post_id = p.id AND t.tag = @tag /*[end]*/
WHERE true;

-- name: SevenBlocks :many
-- Past six blocks not every combination is checked, but every block on and off is.
SELECT id FROM posts
WHERE /*[if @a]*/ id = @a /*[end]*/
  /*[if @b]*/ AND id > @b /*[end]*/
  /*[if @c]*/ AND id > @c /*[end]*/
  /*[if @d]*/ AND id > @d /*[end]*/
  /*[if @e]*/ AND id > @e /*[end]*/
  /*[if @f]*/ AND id > @f /*[end]*/
  /*[if @g]*/ AND id > @g /*[end]*/
ORDER BY id;

-- name: SortWithoutOrderBy :many
-- quarry:sort title
SELECT id, title FROM posts;

-- name: SortBadKey :many
-- quarry:sort lower(title)
SELECT id, title FROM posts ORDER BY id;

-- name: SortUnknownColumn :many
-- quarry:sort title, rating
SELECT id, title FROM posts ORDER BY id;

-- name: SortOnExec :exec
-- quarry:sort title
DELETE FROM posts;

-- name: SortDuplicate :many
-- quarry:sort title, p.title
SELECT id, title FROM posts p ORDER BY id;
