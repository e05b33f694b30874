-- Schema snapshot: the schema the migrations build, written by Quarry (-Aquarry.snapshot).
-- Do not edit; commit it, so that a pull request shows its schema change in this file's diff.

CREATE TYPE user_role AS ENUM ('reader', 'writer', 'admin');

CREATE TABLE comments (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    post_id bigint NOT NULL,
    author_id bigint NOT NULL,
    body text NOT NULL,
    rating smallint,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT comments_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE,
    CONSTRAINT comments_pkey PRIMARY KEY (id),
    CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE,
    CONSTRAINT comments_rating_check CHECK (((rating >= 1) AND (rating <= 5)))
);

CREATE TABLE post_tags (
    post_id bigint NOT NULL,
    tag_id integer NOT NULL,
    CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id),
    CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE,
    CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE
);

CREATE TABLE posts (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    author_id bigint NOT NULL,
    title character varying(200) NOT NULL,
    body text NOT NULL,
    summary text,
    published_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    slug uuid NOT NULL DEFAULT gen_random_uuid(),
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    reading_time interval,
    featured boolean NOT NULL DEFAULT false,
    score double precision NOT NULL DEFAULT 0,
    CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE CASCADE,
    CONSTRAINT posts_pkey PRIMARY KEY (id),
    CONSTRAINT posts_slug_key UNIQUE (slug)
);

CREATE TABLE tags (
    id integer NOT NULL GENERATED ALWAYS AS IDENTITY,
    name character varying(50) NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT tags_name_key UNIQUE (name),
    CONSTRAINT tags_pkey PRIMARY KEY (id)
);

CREATE TABLE tips (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    post_id bigint NOT NULL,
    user_id bigint NOT NULL,
    amount numeric(10,2) NOT NULL,
    note text,
    paid_at timestamp without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'::text),
    CONSTRAINT tips_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT tips_pkey PRIMARY KEY (id),
    CONSTRAINT tips_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE,
    CONSTRAINT tips_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
);

CREATE TABLE users (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
    email text NOT NULL,
    display_name character varying(100) NOT NULL,
    role user_role NOT NULL DEFAULT 'reader'::user_role,
    bio text,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    avatar bytea,
    birthday date,
    links text[] NOT NULL DEFAULT '{}'::text[],
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_pkey PRIMARY KEY (id)
);

CREATE INDEX comments_post_id_idx ON public.comments USING btree (post_id);
CREATE INDEX post_tags_tag_id_idx ON public.post_tags USING btree (tag_id);
CREATE INDEX posts_author_published_idx ON public.posts USING btree (author_id, published_at DESC);
CREATE INDEX tips_post_id_idx ON public.tips USING btree (post_id);
