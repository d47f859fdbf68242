-- Targeted email: campaigns, the runs that freeze their recipients, one row per recipient whose state moves
-- queued -> sending -> sent | failed (or starts as skipped / holdout), the shared send-rate slots, one-off mail
-- keyed by its message key, and the unique coupon codes handed to recipients. Times are UTC.

CREATE TABLE email_campaigns (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL,
    segment_id          INTEGER NOT NULL,
    subject             TEXT    NOT NULL,
    html                TEXT    NOT NULL,
    text_body           TEXT    NULL,
    from_name           TEXT    NULL,
    send_at             TEXT    NULL,
    repeat_weekly       INTEGER NOT NULL DEFAULT 0,
    trigger_kind        TEXT    NULL CHECK (trigger_kind IN ('live_session_ended')),
    coupon_campaign_id  INTEGER NULL REFERENCES coupon_campaigns (id),
    recommendations     INTEGER NOT NULL DEFAULT 0 CHECK (recommendations BETWEEN 0 AND 10),
    holdout_percent     INTEGER NOT NULL DEFAULT 0 CHECK (holdout_percent BETWEEN 0 AND 50),
    status              TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'sending', 'sent')),
    paused              INTEGER NOT NULL DEFAULT 0,
    started_at          TEXT    NULL,
    finished_at         TEXT    NULL,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL
);

-- One run per send: the one-off send, each weekly occurrence, each ended live session of a trigger.
CREATE TABLE email_runs (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES email_campaigns (id),
    run_key      TEXT    NOT NULL,
    status       TEXT    NOT NULL CHECK (status IN ('sending', 'sent')),
    created_at   TEXT    NOT NULL,
    finished_at  TEXT    NULL,
    UNIQUE (campaign_id, run_key)
);

CREATE TABLE email_recipients (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES email_runs (id),
    campaign_id      INTEGER NOT NULL REFERENCES email_campaigns (id),
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    email            TEXT    NULL,
    state            TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'holdout')),
    reason           TEXT    NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT    NOT NULL,
    claimed_at       TEXT    NULL,
    claimed_by       TEXT    NULL,
    sent_at          TEXT    NULL,
    reply            TEXT    NULL,
    unsubscribe_url  TEXT    NULL,
    coupon_code      TEXT    NULL,
    updated_at       TEXT    NOT NULL,
    UNIQUE (run_id, customer_id)
);
CREATE INDEX ix_email_recipients_run_state ON email_recipients (run_id, state, id);
CREATE INDEX ix_email_recipients_campaign ON email_recipients (campaign_id, state);
CREATE INDEX ix_email_recipients_customer_sent ON email_recipients (customer_id, sent_at) WHERE sent_at IS NOT NULL;

-- Send-rate tokens per second, shared by every worker: a slot is claimed by a conditional update.
CREATE TABLE email_rate_slots (
    slot  INTEGER PRIMARY KEY,
    used  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE email_one_off (
    mail_key    TEXT    PRIMARY KEY,
    state       TEXT    NOT NULL CHECK (state IN ('sending', 'sent')),
    recipients  TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    claimed_at  TEXT    NOT NULL,
    sent_at     TEXT    NULL,
    reply       TEXT    NULL
);

-- At most one unique code of a coupon campaign per customer, however many emails hand it out.
CREATE TABLE email_coupon_codes (
    coupon_campaign_id  INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    customer_id         INTEGER NOT NULL REFERENCES customers (id),
    code_id             INTEGER NOT NULL UNIQUE REFERENCES coupon_codes (id),
    email_campaign_id   INTEGER NOT NULL REFERENCES email_campaigns (id),
    issued_at           TEXT    NOT NULL,
    PRIMARY KEY (coupon_campaign_id, customer_id)
);
