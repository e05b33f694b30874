ALTER TABLE users RENAME COLUMN bio TO biography;
