-- Core store: what the platform pushes in, and what the console itself keeps.
-- Money is integer fen; times are UTC text written by Microsoft.Data.Sqlite ('yyyy-MM-dd HH:mm:ss.FFFFFFF'),
-- which sorts in time order.

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT    NOT NULL UNIQUE,
    email         TEXT    NULL,
    name          TEXT    NULL,
    phone         TEXT    NULL,
    city          TEXT    NULL,
    source        TEXT    NULL,
    email_opt_in  INTEGER NOT NULL DEFAULT 0,
    is_stub       INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_customers_email ON customers (email);
CREATE INDEX ix_customers_created_at ON customers (created_at);

CREATE TABLE courses (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT    NOT NULL UNIQUE,
    title         TEXT    NOT NULL,
    category      TEXT    NULL,
    list_price    INTEGER NOT NULL CHECK (list_price >= 0),
    lecturer      TEXT    NULL,
    status        TEXT    NOT NULL DEFAULT 'active',
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE TABLE live_sessions (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT    NOT NULL UNIQUE,
    course_id     INTEGER NOT NULL REFERENCES courses (id),
    title         TEXT    NOT NULL,
    platform      TEXT    NULL,
    host          TEXT    NULL,
    scheduled_at  TEXT    NULL,
    started_at    TEXT    NULL,
    ended_at      TEXT    NULL,
    peak_viewers  INTEGER NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_live_sessions_course ON live_sessions (course_id);
CREATE INDEX ix_live_sessions_started_at ON live_sessions (started_at);

-- Behaviour events: the largest table. Few indexes keep ingestion fast; each one serves a read path
-- (customer timeline, live-session analysis).
CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    event_id         TEXT    NOT NULL UNIQUE,
    customer_id      INTEGER NOT NULL,
    type             TEXT    NOT NULL,
    occurred_at      TEXT    NOT NULL,
    course_id        INTEGER NULL,
    live_session_id  INTEGER NULL,
    value            REAL    NULL
);
CREATE INDEX ix_events_customer ON events (customer_id, occurred_at);
CREATE INDEX ix_events_live_session ON events (live_session_id, type) WHERE live_session_id IS NOT NULL;

-- Orders as paid on the platform. payable is what was paid; refunded accumulates refunds.
-- rolled_up marks rows already counted into daily_sales, so the rollup job is incremental and re-entrant.
CREATE TABLE orders (
    id               INTEGER PRIMARY KEY,
    order_id         TEXT    NOT NULL UNIQUE,
    customer_id      INTEGER NOT NULL REFERENCES customers (id),
    course_id        INTEGER NOT NULL REFERENCES courses (id),
    live_session_id  INTEGER NULL REFERENCES live_sessions (id),
    channel          TEXT    NOT NULL DEFAULT 'storefront',
    referral_code    TEXT    NULL,
    list_price       INTEGER NOT NULL CHECK (list_price >= 0),
    discount         INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
    payable          INTEGER NOT NULL CHECK (payable >= 0),
    refunded         INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    status           TEXT    NOT NULL,
    paid_at          TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    rolled_up        INTEGER NOT NULL DEFAULT 0,
    CHECK (refunded <= payable)
);
CREATE INDEX ix_orders_paid_at ON orders (paid_at, customer_id);
CREATE INDEX ix_orders_customer ON orders (customer_id, paid_at);
CREATE INDEX ix_orders_course ON orders (course_id, paid_at);
CREATE INDEX ix_orders_live_session ON orders (live_session_id) WHERE live_session_id IS NOT NULL;
CREATE INDEX ix_orders_referral ON orders (referral_code) WHERE referral_code IS NOT NULL;
CREATE INDEX ix_orders_not_rolled_up ON orders (id) WHERE rolled_up = 0;

CREATE TABLE order_discounts (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    kind         TEXT    NOT NULL,
    code         TEXT    NULL,
    campaign_id  INTEGER NULL,
    amount       INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE INDEX ix_order_discounts_order ON order_discounts (order_id);

CREATE TABLE refunds (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    amount       INTEGER NOT NULL CHECK (amount > 0),
    reason       TEXT    NULL,
    first_for_order INTEGER NOT NULL DEFAULT 0,
    refunded_at  TEXT    NOT NULL,
    rolled_up    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_refunds_order ON refunds (order_id);
CREATE INDEX ix_refunds_not_rolled_up ON refunds (id) WHERE rolled_up = 0;

-- Daily sales per business-time-zone day, course and channel. Refunds count against the day the
-- order was paid, so a period's net revenue is what that period's orders finally brought in.
CREATE TABLE daily_sales (
    day              TEXT    NOT NULL,
    course_id        INTEGER NOT NULL,
    channel          TEXT    NOT NULL,
    orders           INTEGER NOT NULL DEFAULT 0,
    gross            INTEGER NOT NULL DEFAULT 0,
    discount         INTEGER NOT NULL DEFAULT 0,
    refunded         INTEGER NOT NULL DEFAULT 0,
    refunded_orders  INTEGER NOT NULL DEFAULT 0,
    live_orders      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, course_id, channel)
) WITHOUT ROWID;

-- One bit per customer id who paid that day: distinct paying customers over any range is an OR of
-- a few small bitmaps instead of a distinct count over every order.
CREATE TABLE daily_customers (
    day     TEXT NOT NULL PRIMARY KEY,
    bitmap  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE console_users (
    id                    INTEGER PRIMARY KEY,
    email                 TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    display_name          TEXT    NULL,
    role                  TEXT    NOT NULL CHECK (role IN ('Admin', 'Manager', 'Marketer')),
    password_hash         TEXT    NOT NULL,
    disabled              INTEGER NOT NULL DEFAULT 0,
    failed_attempts       INTEGER NOT NULL DEFAULT 0,
    locked_until          TEXT    NULL,
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);

-- Only a hash of each key is kept; the prefix lets an operator recognise a key without revealing it.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    prefix       TEXT    NOT NULL,
    key_hash     TEXT    NOT NULL UNIQUE,
    scope        TEXT    NOT NULL CHECK (scope IN ('ingest', 'manage')),
    disabled     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    last_used_at TEXT    NULL
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    action       TEXT    NOT NULL,
    entity       TEXT    NOT NULL,
    entity_id    TEXT    NULL,
    before_json  TEXT    NULL,
    after_json   TEXT    NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);
