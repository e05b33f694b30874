CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  title varchar NOT NULL,
  body text NOT NULL,
  published boolean NOT NULL DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now()
);
SELECT diesel_manage_updated_at('posts');
