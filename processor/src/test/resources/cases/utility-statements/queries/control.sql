-- Statements PostgreSQL cannot PREPARE, as :exec.
-- name: Savepoint :exec
SAVEPOINT before_batch;

-- name: ReleaseSavepoint :exec
RELEASE SAVEPOINT before_batch;

-- name: RollbackToSavepoint :exec
ROLLBACK TO SAVEPOINT before_batch;

-- name: SetTimeout :exec
SET LOCAL statement_timeout = '5s';

-- name: ResetTimeout :exec
RESET statement_timeout;

-- name: Listen :exec
LISTEN job_events;

-- name: Unlisten :exec
UNLISTEN job_events;

-- name: Notify :exec
NOTIFY job_events, 'refresh';

-- name: LockJobs :exec
LOCK TABLE jobs IN SHARE ROW EXCLUSIVE MODE;

-- name: RefreshCounts :exec
REFRESH MATERIALIZED VIEW CONCURRENTLY job_counts;

-- name: VacuumJobs :exec
VACUUM (ANALYZE) jobs (state);

-- name: AnalyzeJobs :exec
ANALYZE jobs;

-- name: DiscardPlans :exec
DISCARD PLANS;

-- name: ArchiveJobs :exec
CALL archive_jobs(@older_than, @keep);
