-- The live funnel per session (viewers, engaged, buyers), recomputed by a job for every session with new
-- events or orders since the last run, so the dashboard reads one small row per session instead of events.
CREATE TABLE live_session_funnel (
    live_session_id  INTEGER PRIMARY KEY,
    viewers          INTEGER NOT NULL DEFAULT 0,
    engaged          INTEGER NOT NULL DEFAULT 0,
    buyers           INTEGER NOT NULL DEFAULT 0,
    computed_at      TEXT    NOT NULL
);

-- One row: the highest event and order ids the funnel job has taken into account.
CREATE TABLE live_funnel_progress (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_event_id  INTEGER NOT NULL,
    last_order_id  INTEGER NOT NULL
);
INSERT INTO live_funnel_progress (id, last_event_id, last_order_id) VALUES (1, 0, 0);
