-- Expand: add the new column; the previous release keeps using bio until the next release.
ALTER TABLE users ADD COLUMN biography text;
