-- name: CreateLease :one
INSERT INTO "Billing"."Lease" ("Rent", "Note") VALUES (@rent, @note) RETURNING *;

-- name: Rents :many
SELECT "Rent", "Note" FROM "Billing"."Lease" ORDER BY "Id";
