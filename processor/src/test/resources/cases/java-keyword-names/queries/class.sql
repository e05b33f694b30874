-- name: GetClass :one
SELECT * FROM "class" WHERE id = @id;

-- name: InsertClass :exec
INSERT INTO "class" (id, "default", "user name", "größe") VALUES (@id, @default, @user_name, sqlc.arg(größe));

-- name: Defaults :many
SELECT "default", "new" FROM "class" WHERE "größe" > @min;
