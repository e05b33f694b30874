-- name: NotifyPayload :exec
NOTIFY job_events, @payload;

-- name: SetParameter :exec
SET statement_timeout = @timeout;

-- name: LockMissing :exec
LOCK TABLE job;

-- name: VacuumMissingColumn :exec
VACUUM (ANALYZE) jobs (stat);

-- name: RefreshMissing :exec
REFRESH MATERIALIZED VIEW job_count;

-- name: UnknownSetting :exec
SET statement_timeot = '5s';

-- name: CallWrongArguments :exec
CALL archive_jobs(@older_than);

-- name: StillFine :exec
ANALYZE jobs;
