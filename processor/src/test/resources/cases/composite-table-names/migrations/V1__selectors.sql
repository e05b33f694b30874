-- minder: a composite type profile_selector beside a table profile_selectors.
CREATE TYPE profile_selector AS (id uuid, entity text, selector text);
CREATE TABLE profile_selectors (
  id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity   text,
  selector text NOT NULL
);
CREATE TABLE profiles (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name      text NOT NULL,
  selectors profile_selector[] NOT NULL DEFAULT '{}'
);
