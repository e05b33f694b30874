-- Each query lists its result columns after "expect:"; a trailing ? marks a column that may
-- be NULL. NullabilityTableTest checks every column against what Quarry infers.

-- name: BaseColumns :many
-- expect: id, name, bio?, created_at
SELECT id, name, bio, created_at FROM users;

-- name: DomainNotNull :many
-- expect: email, nickname?
SELECT email, nickname FROM users;

-- name: StarExpansion :many
-- expect: id, email, name, nickname?, bio?, role, manager_id?, created_at
SELECT * FROM users;

-- name: LeftJoinRightSide :many
-- expect: id, title, website?
SELECT p.id, p.title, pr.website FROM posts p LEFT JOIN profiles pr ON pr.user_id = p.author_id;

-- name: LeftJoinStar :many
-- expect: id, author_id, title, summary?, score, tags, metadata, user_id?, website?
SELECT * FROM posts p LEFT JOIN profiles pr ON pr.user_id = p.author_id;

-- name: LeftJoinTableStar :many
-- expect: user_id?, website?
SELECT pr.* FROM posts p LEFT JOIN profiles pr ON pr.user_id = p.author_id;

-- name: RightJoinLeftSide :many
-- expect: title?, website
SELECT p.title, pr.website FROM posts p RIGHT JOIN profiles pr ON pr.user_id = p.author_id;

-- name: FullJoin :many
-- expect: title?, website?
SELECT p.title, pr.website FROM posts p FULL OUTER JOIN profiles pr ON pr.user_id = p.author_id;

-- name: InnerJoinAfterLeftJoin :many
-- The inner join's condition drops the rows the left join null-extended, so website is never
-- NULL; name is reported nullable, which is safe (it cannot be NULL either).
-- expect: title, name?, website
SELECT p.title, u.name, pr.website
FROM posts p
LEFT JOIN users u ON u.id = p.author_id
JOIN profiles pr ON pr.user_id = u.id;

-- name: LeftJoinChain :many
-- expect: title, name?, body?
SELECT p.title, u.name, c.body
FROM posts p
LEFT JOIN users u ON u.id = p.author_id
LEFT JOIN comments c ON c.post_id = p.id;

-- name: SelfJoin :many
-- expect: name, manager_name?
SELECT u.name, m.name AS manager_name FROM users u LEFT JOIN users m ON m.id = u.manager_id;

-- name: SelfInnerJoin :many
-- expect: name, manager_name
SELECT u.name, m.name AS manager_name FROM users u JOIN users m ON m.id = u.manager_id;

-- name: UnaliasedTables :many
-- expect: title, website?
SELECT posts.title, profiles.website FROM posts LEFT JOIN profiles ON profiles.user_id = posts.author_id;

-- name: UnqualifiedColumnsAcrossJoin :many
-- expect: title, website?
SELECT title, website FROM posts LEFT JOIN profiles ON user_id = author_id;

-- name: NestedJoinParentheses :many
-- expect: title, name?, website?
SELECT p.title, u.name, pr.website
FROM posts p LEFT JOIN (users u JOIN profiles pr ON pr.user_id = u.id) ON u.id = p.author_id;

-- name: CommaJoin :many
-- expect: title, name
SELECT p.title, u.name FROM posts p, users u WHERE u.id = p.author_id;

-- name: SubqueryWithLeftJoin :many
-- expect: title, website?
SELECT s.title, s.website
FROM (SELECT p.title, pr.website FROM posts p LEFT JOIN profiles pr ON pr.user_id = p.author_id) s;

-- name: SubqueryOnNullableSide :many
-- expect: name, title?
SELECT u.name, s.title FROM users u LEFT JOIN (SELECT author_id, title FROM posts) s ON s.author_id = u.id;

-- name: CteWithLeftJoin :many
-- expect: name, website?
WITH w AS (SELECT u.name, pr.website FROM users u LEFT JOIN profiles pr ON pr.user_id = u.id)
SELECT name, website FROM w;

-- name: CteColumnNames :many
-- expect: n, t?
WITH x(n, t) AS (SELECT id, summary FROM posts) SELECT n, t FROM x;

-- name: RecursiveCte :many
-- expect: id, manager_id?, depth
WITH RECURSIVE chain AS (
  SELECT id, manager_id, 1 AS depth FROM users WHERE id = $1
  UNION ALL
  SELECT u.id, u.manager_id, c.depth + 1 FROM users u JOIN chain c ON u.id = c.manager_id
)
SELECT id, manager_id, depth FROM chain;

-- name: RecursiveCteLeftJoin :many
-- expect: id, website?
WITH RECURSIVE chain AS (
  SELECT u.id, pr.website FROM users u LEFT JOIN profiles pr ON pr.user_id = u.id WHERE u.id = $1
  UNION ALL
  SELECT u.id, 'x' FROM users u JOIN chain c ON u.manager_id = c.id
)
SELECT id, website FROM chain;

-- name: LateralLeftJoin :many
-- expect: name, last_title?
SELECT u.name, l.title AS last_title
FROM users u
LEFT JOIN LATERAL (SELECT title FROM posts p WHERE p.author_id = u.id ORDER BY id DESC LIMIT 1) l ON true;

-- name: LateralCrossJoin :many
-- expect: name, title
SELECT u.name, l.title
FROM users u, LATERAL (SELECT title FROM posts p WHERE p.author_id = u.id) l;

-- name: Literals :one
-- expect: a, b, c, d?, e
SELECT 1 AS a, 'x' AS b, true AS c, NULL::text AS d, 2.5 AS e;

-- name: CountStar :one
-- expect: count
SELECT count(*) FROM users;

-- name: CountColumn :one
-- expect: count
SELECT count(bio) FROM users;

-- name: MaxWithoutGroupBy :one
-- expect: max?
SELECT max(id) FROM users;

-- name: SumWithoutGroupBy :one
-- expect: sum?
SELECT sum(score) FROM posts;

-- name: MaxWithGroupBy :many
-- expect: author_id, max, min, sum, avg
SELECT author_id, max(id), min(title), sum(score), avg(score) FROM posts GROUP BY author_id;

-- name: MaxOfNullableWithGroupBy :many
-- expect: author_id, max?
SELECT author_id, max(summary) FROM posts GROUP BY author_id;

-- name: ArrayAggWithGroupBy :many
-- expect: author_id, titles, summaries
SELECT author_id, array_agg(title) AS titles, array_agg(summary) AS summaries FROM posts GROUP BY author_id;

-- name: AggregateWithFilter :many
-- expect: author_id, n, s?
SELECT author_id, count(*) FILTER (WHERE score > 1) AS n, sum(score) FILTER (WHERE score > 1) AS s
FROM posts GROUP BY author_id;

-- name: GroupByRollup :many
-- expect: author_id?, n
SELECT author_id, count(*) AS n FROM posts GROUP BY ROLLUP (author_id);

-- name: CoalesceNonNull :many
-- expect: a, b?, c
SELECT coalesce(bio, 'none') AS a, coalesce(bio, nickname) AS b, coalesce(bio, nickname, name) AS c FROM users;

-- name: CoalesceOfAggregate :one
-- expect: total
SELECT coalesce(max(id), 0) AS total FROM users;

-- name: CaseWithElse :many
-- expect: kind
SELECT CASE WHEN role = 'reader' THEN 'r' ELSE 'w' END AS kind FROM users;

-- name: CaseWithoutElse :many
-- expect: kind?
SELECT CASE WHEN role = 'reader' THEN 'r' END AS kind FROM users;

-- name: CaseWithNullableBranch :many
-- expect: kind?
SELECT CASE WHEN role = 'reader' THEN bio ELSE 'w' END AS kind FROM users;

-- name: Arithmetic :many
-- expect: a, b?
SELECT id + 1 AS a, id + manager_id AS b FROM users;

-- name: StringConcat :many
-- expect: a, b?
SELECT name || '!' AS a, name || bio AS b FROM users;

-- name: Comparisons :many
-- expect: a, b?, c
SELECT id > 5 AS a, bio = 'x' AS b, name LIKE 'a%' AS c FROM users;

-- name: StrictFunctions :many
-- expect: a, b?, c
SELECT lower(name) AS a, upper(bio) AS b, length(name) AS c FROM users;

-- name: NeverNullFunctions :many
-- expect: a, b, c
SELECT concat(name, bio) AS a, now() AS b, gen_random_uuid() AS c FROM users;

-- name: NullableFunctions :many
-- expect: a?, b?, c?
SELECT nullif(title, 'x') AS a, array_length(tags, 1) AS b, metadata ->> 'k' AS c FROM posts;

-- name: Casts :many
-- expect: a, b?
SELECT id::text AS a, bio::varchar AS b FROM users;

-- name: CastsOfParameters :one
-- expect: a, b?
SELECT @a::int AS a, sqlc.narg(b)::text AS b;

-- name: ExistsCheck :many
-- expect: id, has_posts
SELECT u.id, EXISTS (SELECT 1 FROM posts p WHERE p.author_id = u.id) AS has_posts FROM users u;

-- name: NullChecks :many
-- expect: a, b, c
SELECT bio IS NULL AS a, bio IS NOT NULL AS b, bio IS DISTINCT FROM 'x' AS c FROM users;

-- name: CurrentValues :one
-- expect: a, b, c, d
SELECT current_timestamp AS a, current_date AS b, current_user AS c, localtimestamp AS d;

-- name: WindowFunctions :many
-- expect: id, rn, rk, prev?
SELECT id, row_number() OVER (ORDER BY id) AS rn, rank() OVER (ORDER BY id) AS rk,
       lag(id) OVER (ORDER BY id) AS prev
FROM users;

-- name: UnionNullableInOneBranch :many
-- expect: name?
SELECT name FROM users UNION SELECT bio FROM users;

-- name: UnionAllNonNull :many
-- expect: name
SELECT name FROM users UNION ALL SELECT title FROM posts;

-- name: IntersectExcept :many
-- expect: v?
SELECT name AS v FROM users INTERSECT SELECT summary FROM posts EXCEPT SELECT title FROM posts;

-- name: ScalarSubquery :many
-- expect: id, n?
SELECT u.id, (SELECT count(*) FROM posts p WHERE p.author_id = u.id) AS n FROM users u;

-- name: InsertReturningStar :one
-- expect: id, author_id, title, summary?, score, tags, metadata
INSERT INTO posts (author_id, title) VALUES (@author_id, @title) RETURNING *;

-- name: InsertReturningColumns :one
-- expect: id, summary?, upper
INSERT INTO posts (author_id, title) VALUES (@author_id, @title) RETURNING id, summary, upper(title);

-- name: UpdateReturning :many
-- expect: id, bio?
UPDATE users SET bio = sqlc.narg(bio) WHERE id = @id RETURNING id, bio;

-- name: UpdateFromReturning :many
-- expect: id, title
UPDATE posts p SET score = p.score + 1 FROM users u WHERE u.id = p.author_id AND u.name = @name
RETURNING p.id, p.title;

-- name: DeleteReturning :many
-- expect: id, rating?
DELETE FROM comments WHERE post_id = @post_id RETURNING id, rating;

-- name: ViewColumns :many
-- expect: id, title, author_name, author_bio?
SELECT * FROM post_authors;

-- name: ViewWithLeftJoin :many
-- expect: id, name, website?
SELECT id, name, website FROM user_websites;

-- name: OverrideNonNull :many
-- expect: website
SELECT pr.website AS "website!" FROM posts p LEFT JOIN profiles pr ON pr.user_id = p.author_id;

-- name: OverrideNullable :many
-- expect: name?
SELECT name AS "name?" FROM users;

-- name: OverrideExpression :one
-- expect: total
SELECT (SELECT max(id) FROM users) AS "total!";

-- name: ArrayConstructor :many
-- expect: a, b, c?
SELECT ARRAY[id, 1] AS a, ARRAY(SELECT title FROM posts) AS b, tags[1] AS c FROM posts;

-- name: InList :many
-- expect: a, b?
SELECT id IN (1, 2) AS a, manager_id IN (1, 2) AS b FROM users;

-- name: AnyArray :many
-- expect: a?
SELECT id = ANY (@ids::bigint[]) AS a FROM users;

-- name: UnnestFunction :many
-- expect: x?
SELECT x FROM unnest(@names::text[]) AS x;

-- name: GenerateSeries :many
-- expect: n
SELECT n FROM generate_series(1, 10) AS n;

-- name: JsonbOperators :many
-- expect: a, b?, c
SELECT metadata ? 'k' AS a, metadata -> 'k' AS b, metadata || '{}'::jsonb AS c FROM posts;

-- name: EnumColumn :many
-- expect: role
SELECT role FROM users WHERE role = @role;

-- name: DistinctOn :many
-- expect: author_id, title
SELECT DISTINCT ON (author_id) author_id, title FROM posts ORDER BY author_id, id DESC;

-- name: Parameters :one
-- expect: a, b
SELECT $1::int + 1 AS a, $2::text AS b;

-- name: KeywordColumnNames :many
-- expect: id, plus, settings?, lowered?
SELECT id, errors + 1 AS plus, settings, lower(settings) AS lowered FROM jobs;

-- name: KeywordColumnNamesInView :many
-- expect: id, plus, settings?
SELECT id, plus, settings FROM job_errors;
