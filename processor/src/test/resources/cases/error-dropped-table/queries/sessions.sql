-- name: CountSessions :one
SELECT count(*) AS n FROM sessions WHERE user_id = @user_id;
