-- A Prisma-style schema: quoted PascalCase types, tables and columns, and a schema of its own.
CREATE TYPE "LeaseKind" AS ENUM ('Short', 'Long', 'Month to month');
CREATE SCHEMA "Billing";
CREATE TYPE "Billing"."StepKind" AS ENUM ('Draft', 'Sent');
CREATE DOMAIN "Billing"."Cents" AS bigint CHECK (VALUE >= 0);
CREATE TYPE "Billing"."Address" AS ("Street" text, "ZipCode" text);

CREATE TABLE "Tenant" (
  "Id"        bigserial PRIMARY KEY,
  "FullName"  text NOT NULL,
  "Home"      "Billing"."Address"
);

CREATE TABLE "Billing"."Lease" (
  "Id"         bigserial PRIMARY KEY,
  "TenantId"   bigint NOT NULL REFERENCES "Tenant" ("Id"),
  "Kind"       "LeaseKind" NOT NULL,
  "PastKinds"  "LeaseKind"[] NOT NULL DEFAULT '{}',
  "Steps"      "Billing"."StepKind"[],
  "Rent"       "Billing"."Cents" NOT NULL,
  "Note"       text
);

CREATE VIEW "Billing"."LongLeases" AS
  SELECT l."Id", l."TenantId", l."Kind", l."Rent", l."Note"
  FROM "Billing"."Lease" l
  WHERE l."Kind" = 'Long';
