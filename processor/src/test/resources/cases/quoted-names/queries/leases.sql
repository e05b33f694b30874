-- name: CreateLease :one
INSERT INTO "Billing"."Lease" ("TenantId", "Kind", "PastKinds", "Steps", "Rent")
VALUES (@tenant_id, @kind::"LeaseKind", cast(@past_kinds::text[] AS "LeaseKind"[]),
        @steps::"Billing"."StepKind"[], @rent)
RETURNING *;

-- name: LeasesOfKind :many
SELECT "Id", "Kind", "PastKinds", "Steps", "Rent" FROM "Billing"."Lease"
WHERE "Kind" = ANY(@kinds::"LeaseKind"[]) ORDER BY "Id";

-- name: LeaseWithTenant :one
SELECT sqlc.embed(l), sqlc.embed("Tenant"), "Tenant"."Home"
FROM "Billing"."Lease" l JOIN "Tenant" ON "Tenant"."Id" = l."TenantId"
WHERE l."Id" = @id;

-- name: LongLeases :many
SELECT * FROM "Billing"."LongLeases" ORDER BY "Id";

-- name: CreateTenant :one
INSERT INTO "Tenant" ("FullName", "Home") VALUES (@full_name, @home) RETURNING "Id";

-- name: KindLabels :many
SELECT unnest(enum_range(NULL::"LeaseKind")) AS "Label";
