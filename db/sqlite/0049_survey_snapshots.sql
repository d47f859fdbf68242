-- The stored results of each survey over all its analysed responses, as the analysis job last computed them. The
-- results page and API read the unfiltered view from here; progress is the share done of a refresh under way
-- (NULL when none runs), which the results page shows beside its refresh button.
CREATE TABLE survey_snapshots (
    survey_id    INTEGER PRIMARY KEY REFERENCES surveys (id),
    computed_at  TEXT    NULL,
    body         TEXT    NULL,
    progress     REAL    NULL CHECK (progress BETWEEN 0 AND 1),
    started_at   TEXT    NULL
);
