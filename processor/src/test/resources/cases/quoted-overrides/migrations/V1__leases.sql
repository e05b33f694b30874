CREATE SCHEMA "Billing";
CREATE DOMAIN "Billing"."Cents" AS bigint CHECK (VALUE >= 0);
CREATE TABLE "Billing"."Lease" (
  "Id"   bigserial PRIMARY KEY,
  "Rent" "Billing"."Cents" NOT NULL,
  "Note" text
);
