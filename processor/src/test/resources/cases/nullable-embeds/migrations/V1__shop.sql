CREATE TABLE customers (
  id   bigserial PRIMARY KEY,
  name text NOT NULL
);
CREATE TABLE orders (
  id          bigserial PRIMARY KEY,
  customer_id bigint REFERENCES customers (id),
  total       numeric(10, 2) NOT NULL
);
CREATE TABLE shipments (
  id       bigserial PRIMARY KEY,
  order_id bigint NOT NULL REFERENCES orders (id),
  carrier  text
);
-- No primary key, one NOT NULL column: absent when that column is NULL.
CREATE TABLE notes (
  order_id bigint NOT NULL,
  text     text
);
-- No NOT NULL column at all: nothing tells a null-extended row from a row of NULLs, so the embed
-- is @Nullable even on an inner join, absent when every column is NULL.
CREATE TABLE labels (
  order_id bigint,
  label    text
);
