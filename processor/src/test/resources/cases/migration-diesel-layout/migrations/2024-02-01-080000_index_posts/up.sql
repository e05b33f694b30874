CREATE INDEX CONCURRENTLY posts_published ON posts (published);
