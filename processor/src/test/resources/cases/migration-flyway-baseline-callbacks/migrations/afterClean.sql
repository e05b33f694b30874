-- Flyway runs this after "flyway clean" only, never during migrate.
DROP TABLE users CASCADE;
