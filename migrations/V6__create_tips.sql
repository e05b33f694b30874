-- Readers can tip the author of a post. Amounts are exact (numeric); paid_at is the UTC
-- wall-clock time as a payment provider reports it, hence timestamp without time zone.
CREATE TABLE tips (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id bigint        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id bigint        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    amount  numeric(10, 2) NOT NULL CHECK (amount > 0),
    note    text,
    paid_at timestamp     NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
);

CREATE INDEX tips_post_id_idx ON tips (post_id);
