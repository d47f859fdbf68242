-- Targeted email: campaigns, the runs that freeze their recipients, one row per recipient whose state moves
-- queued -> sending -> sent | failed (or starts as skipped / holdout), the shared send-rate slots, one-off mail
-- keyed by its message key, and the unique coupon codes handed to recipients. Times are UTC.

CREATE TABLE email_campaigns (
    id                  bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name                nvarchar(200) NOT NULL,
    segment_id          bigint NOT NULL,
    subject             nvarchar(300) NOT NULL,
    html                nvarchar(max) NOT NULL,
    text_body           nvarchar(max) NULL,
    from_name           nvarchar(100) NULL,
    send_at             datetime2(3) NULL,
    repeat_weekly       bit NOT NULL DEFAULT 0,
    trigger_kind        nvarchar(30) NULL CHECK (trigger_kind IN ('live_session_ended')),
    coupon_campaign_id  bigint NULL REFERENCES coupon_campaigns (id),
    recommendations     int NOT NULL DEFAULT 0 CHECK (recommendations BETWEEN 0 AND 10),
    holdout_percent     int NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
    status              nvarchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
    paused              bit NOT NULL DEFAULT 0,
    started_at          datetime2(3) NULL,
    finished_at         datetime2(3) NULL,
    created_at          datetime2(3) NOT NULL,
    updated_at          datetime2(3) NOT NULL
);

CREATE TABLE email_runs (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    campaign_id  bigint NOT NULL REFERENCES email_campaigns (id),
    run_key      nvarchar(64) NOT NULL,
    status       nvarchar(20) NOT NULL CHECK (status IN ('sending', 'sent')),
    created_at   datetime2(3) NOT NULL,
    finished_at  datetime2(3) NULL,
    CONSTRAINT uq_email_runs_key UNIQUE (campaign_id, run_key)
);

CREATE TABLE email_recipients (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    run_id           bigint NOT NULL REFERENCES email_runs (id),
    campaign_id      bigint NOT NULL REFERENCES email_campaigns (id),
    customer_id      bigint NOT NULL REFERENCES customers (id),
    email            nvarchar(320) NULL,
    state            nvarchar(20) NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'holdout')),
    reason           nvarchar(30) NULL,
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  datetime2(3) NOT NULL,
    claimed_at       datetime2(3) NULL,
    claimed_by       nvarchar(100) NULL,
    sent_at          datetime2(3) NULL,
    reply            nvarchar(1000) NULL,
    unsubscribe_url  nvarchar(2000) NULL,
    coupon_code      nvarchar(50) NULL,
    updated_at       datetime2(3) NOT NULL,
    CONSTRAINT uq_email_recipients_run_customer UNIQUE (run_id, customer_id)
);
CREATE INDEX ix_email_recipients_run_state ON email_recipients (run_id, state, id);
CREATE INDEX ix_email_recipients_campaign ON email_recipients (campaign_id, state);
CREATE INDEX ix_email_recipients_customer_sent ON email_recipients (customer_id, sent_at) WHERE sent_at IS NOT NULL;

CREATE TABLE email_rate_slots (
    slot  bigint NOT NULL PRIMARY KEY,
    used  int NOT NULL DEFAULT 0
);

CREATE TABLE email_one_off (
    mail_key    nvarchar(200) NOT NULL PRIMARY KEY,
    state       nvarchar(20) NOT NULL CHECK (state IN ('sending', 'sent')),
    recipients  nvarchar(2000) NOT NULL,
    subject     nvarchar(300) NOT NULL,
    claimed_at  datetime2(3) NOT NULL,
    sent_at     datetime2(3) NULL,
    reply       nvarchar(1000) NULL
);

CREATE TABLE email_coupon_codes (
    coupon_campaign_id  bigint NOT NULL REFERENCES coupon_campaigns (id),
    customer_id         bigint NOT NULL REFERENCES customers (id),
    code_id             bigint NOT NULL UNIQUE REFERENCES coupon_codes (id),
    email_campaign_id   bigint NOT NULL REFERENCES email_campaigns (id),
    issued_at           datetime2(3) NOT NULL,
    PRIMARY KEY (coupon_campaign_id, customer_id)
);
