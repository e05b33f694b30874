CREATE TABLE orders (
  id       bigserial PRIMARY KEY,
  total    numeric(12, 2) NOT NULL,
  refund   numeric(12, 2),
  settings jsonb NOT NULL DEFAULT '{}',
  history  jsonb[] NOT NULL DEFAULT '{}',
  note     text
);
