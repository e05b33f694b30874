CREATE TABLE "_" (
  "_" int PRIMARY KEY,
  "Name" text,
  name text,
  "$" text,
  "?" text,
  "__" text,
  "getClass" text,
  "hashCode" int
);
