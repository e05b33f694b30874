-- Runs after the repeatable migrations: the view exists.
COMMENT ON VIEW user_emails IS 'one row per user';
