-- Group figures now carry their own response count. Snapshots stored before do not, so they are dropped and the
-- minutely analysis job stores each survey's again.
DELETE FROM survey_snapshots;
