CREATE TABLE jobs (id bigserial PRIMARY KEY, state text NOT NULL);
CREATE MATERIALIZED VIEW job_counts AS SELECT state, count(*) AS n FROM jobs GROUP BY state;
CREATE UNIQUE INDEX job_counts_state ON job_counts (state);
CREATE PROCEDURE archive_jobs(older_than bigint, keep text) LANGUAGE sql
  AS $$ DELETE FROM jobs WHERE id < older_than AND state <> keep $$;
