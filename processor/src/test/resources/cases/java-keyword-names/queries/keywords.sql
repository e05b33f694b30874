-- name: class :one
SELECT id, "default" FROM "class" WHERE id = @id;

-- name: ByKeywordParam :many
SELECT id FROM "class" WHERE "default" = @class;

-- name: ShadowingNames :many
SELECT id, "default" AS rows FROM "class" WHERE id > @statement AND id < @rows AND "default" <> @runner AND "new" IS DISTINCT FROM @connection;

-- name: ShadowingBatch :batchexec
UPDATE "class" SET "default" = @statement WHERE id = @parameters;

-- name: ShadowingOne :one
SELECT count(*) AS runner FROM "class" WHERE id = @e AND id <> @query;
