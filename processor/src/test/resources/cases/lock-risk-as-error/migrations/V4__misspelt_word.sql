-- quarry:alow lock-risk (a misspelt word is an error, not a silent no-op)
SELECT 1;
