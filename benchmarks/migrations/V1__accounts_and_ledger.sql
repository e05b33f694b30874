-- The schema of the runtime benchmarks: a table to read (accounts, seeded with 10,000 rows) and
-- a table to write (ledger, emptied before each iteration). Columns of the common kinds: bigint,
-- text, boolean, timestamptz, and a nullable text.
CREATE TABLE accounts (
  id         bigint PRIMARY KEY,
  email      text NOT NULL,
  name       text NOT NULL,
  balance    bigint NOT NULL,
  active     boolean NOT NULL,
  created_at timestamptz NOT NULL,
  note       text
);

CREATE TABLE ledger (
  id         bigserial PRIMARY KEY,
  account_id bigint NOT NULL,
  amount     bigint NOT NULL,
  memo       text,
  booked_at  timestamptz NOT NULL
);
