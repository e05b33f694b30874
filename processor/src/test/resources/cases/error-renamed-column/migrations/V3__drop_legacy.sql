CREATE TABLE legacy_notes (id int);
DROP TABLE legacy_notes;
