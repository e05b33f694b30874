-- quarry:allow lock-rsk
SELECT 1;
