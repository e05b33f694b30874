-- Posts are drafts until published_at is set.
CREATE TABLE posts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id    bigint       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title        varchar(200) NOT NULL,
    body         text         NOT NULL,
    summary      text,
    published_at timestamptz,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

-- A comment may carry a star rating from 1 to 5 (smallint is plenty).
CREATE TABLE comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id    bigint      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id  bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body       text        NOT NULL,
    rating     smallint    CHECK (rating BETWEEN 1 AND 5),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX comments_post_id_idx ON comments (post_id);
