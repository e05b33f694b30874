-- A typo: the down part fails, so the round trip cannot run it.
DROP TABLE userz;
