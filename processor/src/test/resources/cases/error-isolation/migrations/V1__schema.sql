CREATE TYPE "Mood" AS ENUM ('Happy', 'Sad');
CREATE TABLE people (id bigserial PRIMARY KEY, name text NOT NULL, mood "Mood" NOT NULL);
CREATE TYPE pair AS (a int, b int);
CREATE TABLE pairs (id bigserial PRIMARY KEY, p pair);
