CREATE TYPE user_role AS ENUM ('reader', 'admin');
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, role user_role NOT NULL DEFAULT 'reader');
