CREATE SCHEMA audit;
CREATE TABLE projects (id bigserial PRIMARY KEY, name text NOT NULL);
CREATE TABLE profiles (
  id         bigserial PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id),
  name       text NOT NULL,
  remarks    text
);
CREATE TABLE audit."Event" (
  "Id"        bigserial PRIMARY KEY,
  "ProfileId" bigint NOT NULL,
  "What"      text NOT NULL
);
-- A view over a NOT NULL column and a nullable one, and one over an outer join.
CREATE VIEW profiles_with_project AS
  SELECT p.id, p.name, p.remarks, j.name AS project_name
  FROM profiles p JOIN projects j ON j.id = p.project_id;
CREATE VIEW profiles_with_events AS
  SELECT p.id, e."What" AS what
  FROM profiles p LEFT JOIN audit."Event" e ON e."ProfileId" = p.id;
