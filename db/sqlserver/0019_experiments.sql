-- A/B experiments: definitions, their variants, each customer's one assignment, and the stored results snapshots.
-- coverage is the share of customers in the test (0 to 1); the rest are a holdout that sees no variant.
-- weight is the whole percentage of the test a variant gets; the first variant (position 0) is the control.

CREATE TABLE experiments (
    id                 bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    experiment_key     nvarchar(100) NOT NULL UNIQUE,
    name               nvarchar(200) NOT NULL,
    hypothesis         nvarchar(2000) NULL,
    coverage           float   NOT NULL DEFAULT 1 CHECK (coverage >= 0 AND coverage <= 1),
    audience           nvarchar(20) NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone')),
    metric_kind        nvarchar(20) NOT NULL CHECK (metric_kind IN ('conversion', 'revenue_per_user', 'event')),
    metric_event_type  nvarchar(50) NULL,
    guardrails         nvarchar(200) NOT NULL DEFAULT '',
    starts_at          datetime2(3) NULL,
    ends_at            datetime2(3) NULL,
    status             nvarchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'stopped')),
    started_at         datetime2(3) NULL,
    stopped_at         datetime2(3) NULL,
    created_at         datetime2(3) NOT NULL,
    updated_at         datetime2(3) NOT NULL
);

-- The courses a conversion counts; none means any course.
CREATE TABLE experiment_metric_courses (
    experiment_id  bigint NOT NULL REFERENCES experiments (id),
    course_id      bigint NOT NULL REFERENCES courses (id),
    PRIMARY KEY (experiment_id, course_id)
);

CREATE TABLE experiment_variants (
    id                     bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    experiment_id          bigint NOT NULL REFERENCES experiments (id),
    position               int    NOT NULL,
    variant_key            nvarchar(100) NOT NULL,
    weight                 int    NOT NULL CHECK (weight BETWEEN 0 AND 100),
    coupon_campaign_id     bigint NULL REFERENCES coupon_campaigns (id),
    group_buy_campaign_id  bigint NULL REFERENCES group_buy_campaigns (id),
    payload                nvarchar(4000) NULL,
    CONSTRAINT ux_experiment_variants_key UNIQUE (experiment_id, variant_key),
    CONSTRAINT ux_experiment_variants_position UNIQUE (experiment_id, position)
);

-- One row per customer and experiment, written by the first assignment call: the unique key lets 50 racing first calls
-- store one row. variant_id NULL is the holdout. coupon_code_id is the unique code handed to this customer, at most once.
CREATE TABLE experiment_exposures (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    experiment_id   bigint NOT NULL REFERENCES experiments (id),
    customer_id     bigint NOT NULL REFERENCES customers (id),
    variant_id      bigint NULL REFERENCES experiment_variants (id),
    coupon_code_id  bigint NULL REFERENCES coupon_codes (id),
    exposed_at      datetime2(3) NOT NULL,
    CONSTRAINT ux_experiment_exposures_customer UNIQUE (experiment_id, customer_id)
);
CREATE UNIQUE INDEX ux_experiment_exposures_code ON experiment_exposures (coupon_code_id) WHERE coupon_code_id IS NOT NULL;

-- The results job's output: one snapshot per experiment and hour, replaced when the hour is computed again.
CREATE TABLE experiment_snapshots (
    experiment_id  bigint NOT NULL REFERENCES experiments (id),
    hour_start     datetime2(3) NOT NULL,
    computed_at    datetime2(3) NOT NULL,
    body           nvarchar(max) NOT NULL,
    PRIMARY KEY (experiment_id, hour_start)
);
