-- Every change to an experiment counts up its revision. The assignment path keeps definitions in memory and reads
-- only this number with the customer's stored row; a clock that does not move between two changes cannot hide one.
ALTER TABLE experiments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
