-- name: InsertEntry :exec
INSERT INTO ledger (account_id, amount, memo, booked_at) VALUES (@account_id, @amount, sqlc.narg(memo), @booked_at);

-- name: InsertEntries :batchexec
INSERT INTO ledger (account_id, amount, memo, booked_at) VALUES (@account_id, @amount, sqlc.narg(memo), @booked_at);

-- name: CopyEntries :copyfrom
INSERT INTO ledger (account_id, amount, memo, booked_at) VALUES (@account_id, @amount, sqlc.narg(memo), @booked_at);
