-- quarry:allow expand-contract: this release stops the old version before migrating.
ALTER TABLE users RENAME COLUMN bio TO biography;
