CREATE TABLE data_sources (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id      uuid NOT NULL,
  name            text NOT NULL,
  display_name    text NOT NULL,
  subscription_id uuid,
  metadata        json NOT NULL DEFAULT '{}'
);
