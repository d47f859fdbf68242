-- PDF reports: each request (or scheduled delivery) is one row that the render job moves from queued to done or
-- failed, with its progress for the console's bar; the file itself lies in the reports folder under file_name.
CREATE TABLE reports (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    kind          nvarchar(20)   NOT NULL CHECK (kind IN ('sales')),
    period_from   date           NOT NULL,
    period_to     date           NOT NULL,
    language      nvarchar(10)   NOT NULL CHECK (language IN ('en', 'zh-Hans')),
    status        nvarchar(20)   NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    progress      float          NOT NULL DEFAULT 0,
    pages         int            NULL,
    bytes         bigint         NULL,
    render_ms     bigint         NULL,
    file_name     nvarchar(200)  NULL,
    reason        nvarchar(1000) NULL,
    schedule_id   bigint         NULL,
    requested_by  nvarchar(200)  NOT NULL,
    created_at    datetime2(3)   NOT NULL,
    started_at    datetime2(3)   NULL,
    finished_at   datetime2(3)   NULL
);
CREATE INDEX ix_reports_created ON reports (created_at);

-- A standing request: weekly or monthly, at an hour of the business time zone, mailed to its recipients.
CREATE TABLE report_schedules (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    kind             nvarchar(20)   NOT NULL CHECK (kind IN ('sales')),
    cadence          nvarchar(20)   NOT NULL CHECK (cadence IN ('weekly', 'monthly')),
    day_of_week      int            NULL,
    day_of_month     int            NULL,
    hour             int            NOT NULL,
    language         nvarchar(10)   NOT NULL CHECK (language IN ('en', 'zh-Hans')),
    recipients_json  nvarchar(max)  NOT NULL,
    created_by       nvarchar(200)  NOT NULL,
    created_at       datetime2(3)   NOT NULL
);

-- One row per schedule and period, written before anything is rendered: a retried run finds it and neither renders
-- nor mails that period again.
CREATE TABLE report_deliveries (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    schedule_id   bigint         NOT NULL,
    period_from   date           NOT NULL,
    period_to     date           NOT NULL,
    report_id     bigint         NULL,
    status        nvarchar(20)   NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    reason        nvarchar(1000) NULL,
    created_at    datetime2(3)   NOT NULL,
    sent_at       datetime2(3)   NULL,
    CONSTRAINT uq_report_deliveries_period UNIQUE (schedule_id, period_from)
);
