--liquibase formatted sql

--changeset bob:posts-1 labels:blog context:prod
CREATE TABLE posts (
    id        bigserial PRIMARY KEY,
    author_id bigint NOT NULL REFERENCES users (id),
    title     text NOT NULL
);
/* liquibase rollback
DROP TABLE posts;
*/
--rollback DROP TABLE posts;
