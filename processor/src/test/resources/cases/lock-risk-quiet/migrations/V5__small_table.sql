-- quarry:allow lock-risk: posts holds a few hundred rows; a short lock is fine.
CREATE INDEX posts_title_idx ON posts (title);
