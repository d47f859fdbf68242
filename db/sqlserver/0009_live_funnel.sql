-- The live funnel per session (viewers, engaged, buyers), recomputed by a job for every session with new
-- events or orders since the last run, so the dashboard reads one small row per session instead of events.
CREATE TABLE live_session_funnel (
    live_session_id  bigint     NOT NULL,
    viewers          bigint     NOT NULL DEFAULT 0,
    engaged          bigint     NOT NULL DEFAULT 0,
    buyers           bigint     NOT NULL DEFAULT 0,
    computed_at      datetime2  NOT NULL,
    CONSTRAINT pk_live_session_funnel PRIMARY KEY (live_session_id)
);

-- One row: the highest event and order ids the funnel job has taken into account.
CREATE TABLE live_funnel_progress (
    id             int     NOT NULL,
    last_event_id  bigint  NOT NULL,
    last_order_id  bigint  NOT NULL,
    CONSTRAINT pk_live_funnel_progress PRIMARY KEY (id),
    CONSTRAINT ck_live_funnel_progress_one_row CHECK (id = 1)
);
INSERT INTO live_funnel_progress (id, last_event_id, last_order_id) VALUES (1, 0, 0);
