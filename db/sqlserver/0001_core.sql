-- Core store: what the platform pushes in, and what the console itself keeps.
-- Money is integer fen (bigint); times are UTC datetime2.

CREATE TABLE customers (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    external_id   nvarchar(100)  NOT NULL,
    email         nvarchar(320)  NULL,
    name          nvarchar(200)  NULL,
    phone         nvarchar(50)   NULL,
    city          nvarchar(100)  NULL,
    source        nvarchar(100)  NULL,
    email_opt_in  bit            NOT NULL DEFAULT 0,
    is_stub       bit            NOT NULL DEFAULT 0,
    created_at    datetime2(3)   NOT NULL,
    updated_at    datetime2(3)   NOT NULL,
    CONSTRAINT ux_customers_external_id UNIQUE (external_id)
);
CREATE INDEX ix_customers_email ON customers (email);
CREATE INDEX ix_customers_created_at ON customers (created_at);

CREATE TABLE courses (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    external_id   nvarchar(100)  NOT NULL,
    title         nvarchar(300)  NOT NULL,
    category      nvarchar(100)  NULL,
    list_price    bigint         NOT NULL CHECK (list_price >= 0),
    lecturer      nvarchar(200)  NULL,
    status        nvarchar(20)   NOT NULL DEFAULT 'active',
    created_at    datetime2(3)   NOT NULL,
    updated_at    datetime2(3)   NOT NULL,
    CONSTRAINT ux_courses_external_id UNIQUE (external_id)
);

CREATE TABLE live_sessions (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    external_id   nvarchar(100)  NOT NULL,
    course_id     bigint         NOT NULL REFERENCES courses (id),
    title         nvarchar(300)  NOT NULL,
    platform      nvarchar(50)   NULL,
    host          nvarchar(200)  NULL,
    scheduled_at  datetime2(3)   NULL,
    started_at    datetime2(3)   NULL,
    ended_at      datetime2(3)   NULL,
    peak_viewers  int            NULL,
    updated_at    datetime2(3)   NOT NULL,
    CONSTRAINT ux_live_sessions_external_id UNIQUE (external_id)
);
CREATE INDEX ix_live_sessions_course ON live_sessions (course_id);
CREATE INDEX ix_live_sessions_started_at ON live_sessions (started_at);

CREATE TABLE events (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    event_id         nvarchar(100)  NOT NULL,
    customer_id      bigint         NOT NULL,
    type             nvarchar(20)   NOT NULL,
    occurred_at      datetime2(3)   NOT NULL,
    course_id        bigint         NULL,
    live_session_id  bigint         NULL,
    value            float          NULL,
    CONSTRAINT ux_events_event_id UNIQUE (event_id)
);
CREATE INDEX ix_events_customer ON events (customer_id, occurred_at);
CREATE INDEX ix_events_live_session ON events (live_session_id, type) WHERE live_session_id IS NOT NULL;

CREATE TABLE orders (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    order_id         nvarchar(100)  NOT NULL,
    customer_id      bigint         NOT NULL REFERENCES customers (id),
    course_id        bigint         NOT NULL REFERENCES courses (id),
    live_session_id  bigint         NULL REFERENCES live_sessions (id),
    channel          nvarchar(50)   NOT NULL DEFAULT 'storefront',
    referral_code    nvarchar(100)  NULL,
    list_price       bigint         NOT NULL CHECK (list_price >= 0),
    discount         bigint         NOT NULL DEFAULT 0 CHECK (discount >= 0),
    payable          bigint         NOT NULL CHECK (payable >= 0),
    refunded         bigint         NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    status           nvarchar(30)   NOT NULL,
    paid_at          datetime2(3)   NOT NULL,
    created_at       datetime2(3)   NOT NULL,
    rolled_up        bit            NOT NULL DEFAULT 0,
    CONSTRAINT ux_orders_order_id UNIQUE (order_id),
    CONSTRAINT ck_orders_refunded CHECK (refunded <= payable)
);
CREATE INDEX ix_orders_paid_at ON orders (paid_at, customer_id);
CREATE INDEX ix_orders_customer ON orders (customer_id, paid_at);
CREATE INDEX ix_orders_course ON orders (course_id, paid_at);
CREATE INDEX ix_orders_live_session ON orders (live_session_id) WHERE live_session_id IS NOT NULL;
CREATE INDEX ix_orders_referral ON orders (referral_code) WHERE referral_code IS NOT NULL;
CREATE INDEX ix_orders_not_rolled_up ON orders (id) WHERE rolled_up = 0;

CREATE TABLE order_discounts (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    order_id     bigint         NOT NULL REFERENCES orders (id),
    kind         nvarchar(20)   NOT NULL,
    code         nvarchar(100)  NULL,
    campaign_id  bigint         NULL,
    amount       bigint         NOT NULL CHECK (amount >= 0)
);
CREATE INDEX ix_order_discounts_order ON order_discounts (order_id);

CREATE TABLE refunds (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    order_id        bigint         NOT NULL REFERENCES orders (id),
    amount          bigint         NOT NULL CHECK (amount > 0),
    reason          nvarchar(500)  NULL,
    first_for_order bit            NOT NULL DEFAULT 0,
    refunded_at     datetime2(3)   NOT NULL,
    rolled_up       bit            NOT NULL DEFAULT 0
);
CREATE INDEX ix_refunds_order ON refunds (order_id);
CREATE INDEX ix_refunds_not_rolled_up ON refunds (id) WHERE rolled_up = 0;

CREATE TABLE daily_sales (
    day              date           NOT NULL,
    course_id        bigint         NOT NULL,
    channel          nvarchar(50)   NOT NULL,
    orders           bigint         NOT NULL DEFAULT 0,
    gross            bigint         NOT NULL DEFAULT 0,
    discount         bigint         NOT NULL DEFAULT 0,
    refunded         bigint         NOT NULL DEFAULT 0,
    refunded_orders  bigint         NOT NULL DEFAULT 0,
    live_orders      bigint         NOT NULL DEFAULT 0,
    CONSTRAINT pk_daily_sales PRIMARY KEY (day, course_id, channel)
);

CREATE TABLE daily_customers (
    day     date            NOT NULL PRIMARY KEY,
    bitmap  varbinary(max)  NOT NULL
);

CREATE TABLE console_users (
    id                    bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    email                 nvarchar(320)  NOT NULL,
    display_name          nvarchar(200)  NULL,
    role                  nvarchar(20)   NOT NULL CHECK (role IN ('Admin', 'Manager', 'Marketer')),
    password_hash         nvarchar(400)  NOT NULL,
    disabled              bit            NOT NULL DEFAULT 0,
    failed_attempts       int            NOT NULL DEFAULT 0,
    locked_until          datetime2(3)   NULL,
    created_at            datetime2(3)   NOT NULL,
    updated_at            datetime2(3)   NOT NULL,
    CONSTRAINT ux_console_users_email UNIQUE (email)
);

CREATE TABLE api_keys (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name         nvarchar(200)  NOT NULL,
    prefix       nvarchar(20)   NOT NULL,
    key_hash     nvarchar(100)  NOT NULL,
    scope        nvarchar(10)   NOT NULL CHECK (scope IN ('ingest', 'manage')),
    disabled     bit            NOT NULL DEFAULT 0,
    created_at   datetime2(3)   NOT NULL,
    last_used_at datetime2(3)   NULL,
    CONSTRAINT ux_api_keys_hash UNIQUE (key_hash)
);

CREATE TABLE audit_log (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    at           datetime2(3)   NOT NULL,
    actor        nvarchar(320)  NOT NULL,
    action       nvarchar(100)  NOT NULL,
    entity       nvarchar(100)  NOT NULL,
    entity_id    nvarchar(100)  NULL,
    before_json  nvarchar(max)  NULL,
    after_json   nvarchar(max)  NULL
);
CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_entity ON audit_log (entity, entity_id);
