-- name: LeasesOfKind :many
SELECT l."id", l."kind", u."email"
FROM "Lease" l JOIN "User" u ON u."id" = l."tenantId"
WHERE l."kind" = @kind::"LeaseKind";
