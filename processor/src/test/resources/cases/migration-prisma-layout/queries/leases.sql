-- name: LeasesOfKind :many
SELECT l."id", l."kind", u."email"
FROM "Lease" l JOIN "User" u ON u."id" = l."tenantId"
WHERE l."kind" = @kind::"LeaseKind";

-- name: UsersWithRole :many
SELECT "id", "role" FROM "User" WHERE "role" = @role::"Role";
