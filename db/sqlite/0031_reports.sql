-- PDF reports: each request (or scheduled delivery) is one row that the render job moves from queued to done or
-- failed, with its progress for the console's bar; the file itself lies in the reports folder under file_name.
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('sales')),
    period_from   TEXT    NOT NULL,
    period_to     TEXT    NOT NULL,
    language      TEXT    NOT NULL CHECK (language IN ('en', 'zh-Hans')),
    status        TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress      REAL    NOT NULL DEFAULT 0,
    pages         INTEGER NULL,
    bytes         INTEGER NULL,
    render_ms     INTEGER NULL,
    file_name     TEXT    NULL,
    reason        TEXT    NULL,
    schedule_id   INTEGER NULL,
    requested_by  TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    started_at    TEXT    NULL,
    finished_at   TEXT    NULL
);
CREATE INDEX ix_reports_created ON reports (created_at);

-- A standing request: weekly or monthly, at an hour of the business time zone, mailed to its recipients.
CREATE TABLE report_schedules (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('sales')),
    cadence          TEXT    NOT NULL CHECK (cadence IN ('weekly', 'monthly')),
    day_of_week      INTEGER NULL,
    day_of_month     INTEGER NULL,
    hour             INTEGER NOT NULL,
    language         TEXT    NOT NULL CHECK (language IN ('en', 'zh-Hans')),
    recipients_json  TEXT    NOT NULL,
    created_by       TEXT    NOT NULL,
    created_at       TEXT    NOT NULL
);

-- One row per schedule and period, written before anything is rendered: a retried run finds it and neither renders
-- nor mails that period again.
CREATE TABLE report_deliveries (
    id            INTEGER PRIMARY KEY,
    schedule_id   INTEGER NOT NULL,
    period_from   TEXT    NOT NULL,
    period_to     TEXT    NOT NULL,
    report_id     INTEGER NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    reason        TEXT    NULL,
    created_at    TEXT    NOT NULL,
    sent_at       TEXT    NULL,
    UNIQUE (schedule_id, period_from)
);
