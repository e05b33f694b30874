-- Needs the schema beforeMigrate made; counts the migrations it runs before.
CREATE TABLE IF NOT EXISTS audit.runs (n serial PRIMARY KEY);
INSERT INTO audit.runs DEFAULT VALUES;
