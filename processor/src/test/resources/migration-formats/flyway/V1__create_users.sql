CREATE TABLE ${schema}.users (
    id    bigserial PRIMARY KEY,
    email text NOT NULL
);
