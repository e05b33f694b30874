CREATE TYPE eval_status AS ENUM ('success', 'failure', 'error');
CREATE TABLE evaluations (
  id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name   text NOT NULL,
  status eval_status NOT NULL,
  labels text[] NOT NULL DEFAULT '{}'
);
