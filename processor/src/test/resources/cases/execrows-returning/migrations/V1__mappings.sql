CREATE TABLE mappings (
  id       bigserial PRIMARY KEY,
  name     text NOT NULL,
  active   boolean NOT NULL DEFAULT true
);
