-- A/B experiments: definitions, their variants, each customer's one assignment, and the stored results snapshots.
-- coverage is the share of customers in the test (0 to 1); the rest are a holdout that sees no variant.
-- weight is the whole percentage of the test a variant gets; the first variant (position 0) is the control.

CREATE TABLE experiments (
    id                 INTEGER PRIMARY KEY,
    experiment_key     TEXT    NOT NULL UNIQUE,
    name               TEXT    NOT NULL,
    hypothesis         TEXT    NULL,
    coverage           REAL    NOT NULL DEFAULT 1 CHECK (coverage >= 0 AND coverage <= 1),
    audience           TEXT    NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone')),
    metric_kind        TEXT    NOT NULL CHECK (metric_kind IN ('conversion', 'revenue_per_user', 'event')),
    metric_event_type  TEXT    NULL,
    guardrails         TEXT    NOT NULL DEFAULT '',
    starts_at          TEXT    NULL,
    ends_at            TEXT    NULL,
    status             TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'stopped')),
    started_at         TEXT    NULL,
    stopped_at         TEXT    NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);

-- The courses a conversion counts; none means any course.
CREATE TABLE experiment_metric_courses (
    experiment_id  INTEGER NOT NULL REFERENCES experiments (id),
    course_id      INTEGER NOT NULL REFERENCES courses (id),
    PRIMARY KEY (experiment_id, course_id)
) WITHOUT ROWID;

CREATE TABLE experiment_variants (
    id                     INTEGER PRIMARY KEY,
    experiment_id          INTEGER NOT NULL REFERENCES experiments (id),
    position               INTEGER NOT NULL,
    variant_key            TEXT    NOT NULL,
    weight                 INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 100),
    coupon_campaign_id     INTEGER NULL REFERENCES coupon_campaigns (id),
    group_buy_campaign_id  INTEGER NULL REFERENCES group_buy_campaigns (id),
    payload                TEXT    NULL,
    UNIQUE (experiment_id, variant_key),
    UNIQUE (experiment_id, position)
);

-- One row per customer and experiment, written by the first assignment call: the unique key lets 50 racing first calls
-- store one row. variant_id NULL is the holdout. coupon_code_id is the unique code handed to this customer, at most once.
CREATE TABLE experiment_exposures (
    id              INTEGER PRIMARY KEY,
    experiment_id   INTEGER NOT NULL REFERENCES experiments (id),
    customer_id     INTEGER NOT NULL REFERENCES customers (id),
    variant_id      INTEGER NULL REFERENCES experiment_variants (id),
    coupon_code_id  INTEGER NULL REFERENCES coupon_codes (id),
    exposed_at      TEXT    NOT NULL,
    UNIQUE (experiment_id, customer_id)
);
CREATE UNIQUE INDEX ux_experiment_exposures_code ON experiment_exposures (coupon_code_id) WHERE coupon_code_id IS NOT NULL;

-- The results job's output: one snapshot per experiment and hour, replaced when the hour is computed again.
CREATE TABLE experiment_snapshots (
    experiment_id  INTEGER NOT NULL REFERENCES experiments (id),
    hour_start     TEXT    NOT NULL,
    computed_at    TEXT    NOT NULL,
    body           TEXT    NOT NULL,
    PRIMARY KEY (experiment_id, hour_start)
) WITHOUT ROWID;
