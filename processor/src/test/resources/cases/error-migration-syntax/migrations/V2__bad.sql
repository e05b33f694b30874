ALTER TABLE users
  ADD COLUMN name text,,
  ADD COLUMN x int;
