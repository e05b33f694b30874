CREATE TABLE "class" (
  id bigint PRIMARY KEY,
  "default" text NOT NULL,
  "user name" text,
  "größe" int,
  "new" boolean,
  "1st" text,
  "a-b" text
);
