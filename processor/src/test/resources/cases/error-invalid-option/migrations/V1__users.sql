CREATE TYPE user_role AS ENUM ('reader', 'writer', 'admin', 'in review');

CREATE TABLE users (
  id         bigserial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  role       user_role NOT NULL DEFAULT 'reader',
  bio        text,
  created_at timestamptz NOT NULL DEFAULT now()
);
