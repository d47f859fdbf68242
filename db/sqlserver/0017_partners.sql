-- KOL partnerships: the roster, contracts, referral codes and tracked links, clicks, the attribution decided for an
-- order when it is stored, the commission ledger and payouts. Money is fen; a percent rate is hundredths of a percent
-- (12.5% = 1250), a flat rate is fen per order. Times are UTC.

CREATE TABLE kols (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    external_id   nvarchar(200) NOT NULL UNIQUE,
    name          nvarchar(200) NOT NULL,
    platform      nvarchar(200) NOT NULL DEFAULT 'other',
    handle        nvarchar(200) NULL,
    email         nvarchar(200) NULL,
    phone         nvarchar(200) NULL,
    customer_id   bigint NULL REFERENCES customers (id),
    status        nvarchar(200) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_at    datetime2(3) NOT NULL,
    updated_at    datetime2(3) NOT NULL
);
CREATE INDEX ix_kols_customer ON kols (customer_id) WHERE customer_id IS NOT NULL;

-- ends_at is exclusive; NULL runs on. Overlap is refused by the use case under the write lock.
CREATE TABLE kol_contracts (
    id                         bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    kol_id                     bigint NOT NULL REFERENCES kols (id),
    starts_at                  datetime2(3) NOT NULL,
    ends_at                    datetime2(3) NULL,
    rate_kind                  nvarchar(200) NOT NULL CHECK (rate_kind IN ('percent', 'flat')),
    rate_value                 bigint NOT NULL CHECK (rate_value >= 0),
    fixed_fee                  bigint NOT NULL DEFAULT 0 CHECK (fixed_fee >= 0),
    attribution_window_days    bigint NOT NULL DEFAULT 7 CHECK (attribution_window_days >= 1),
    holding_days               bigint NOT NULL DEFAULT 15 CHECK (holding_days >= 0),
    binding                    nvarchar(200) NOT NULL DEFAULT 'last_touch' CHECK (binding IN ('last_touch', 'first_touch')),
    created_at                 datetime2(3) NOT NULL
);
CREATE INDEX ix_kol_contracts_kol ON kol_contracts (kol_id, starts_at);

CREATE TABLE kol_contract_tiers (
    contract_id        bigint NOT NULL REFERENCES kol_contracts (id),
    from_monthly_net   bigint NOT NULL CHECK (from_monthly_net >= 0),
    value              bigint NOT NULL CHECK (value >= 0),
    PRIMARY KEY (contract_id, from_monthly_net)
);

CREATE TABLE kol_contract_course_rates (
    contract_id  bigint NOT NULL REFERENCES kol_contracts (id),
    course_id    bigint NOT NULL REFERENCES courses (id),
    kind         nvarchar(200) NOT NULL CHECK (kind IN ('percent', 'flat')),
    value        bigint NOT NULL CHECK (value >= 0),
    PRIMARY KEY (contract_id, course_id)
);

-- Referral codes; they share one namespace with coupon codes, which the use case checks.
CREATE TABLE kol_codes (
    id          bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    code        nvarchar(200) NOT NULL UNIQUE,
    kol_id      bigint NOT NULL REFERENCES kols (id),
    created_at  datetime2(3) NOT NULL
);
CREATE INDEX ix_kol_codes_kol ON kol_codes (kol_id);

-- A coupon campaign whose codes attribute orders to a KOL.
CREATE TABLE kol_coupon_campaigns (
    campaign_id  bigint NOT NULL PRIMARY KEY REFERENCES coupon_campaigns (id),
    kol_id       bigint NOT NULL REFERENCES kols (id),
    created_at   datetime2(3) NOT NULL
);

CREATE TABLE kol_links (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    code             nvarchar(200) NOT NULL UNIQUE,
    kol_id           bigint NOT NULL REFERENCES kols (id),
    destination_url  nvarchar(2000) NOT NULL,
    course_id        bigint NULL REFERENCES courses (id),
    live_session_id  bigint NULL REFERENCES live_sessions (id),
    label            nvarchar(200) NULL,
    status           nvarchar(200) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_at       datetime2(3) NOT NULL
);
CREATE INDEX ix_kol_links_kol ON kol_links (kol_id);

-- ip_hash is a keyed hash: the address itself is never kept.
CREATE TABLE kol_clicks (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    click_id     nvarchar(200) NOT NULL UNIQUE,
    link_id      bigint NOT NULL REFERENCES kol_links (id),
    kol_id       bigint NOT NULL REFERENCES kols (id),
    clicked_at   datetime2(3) NOT NULL,
    ip_hash      nvarchar(200) NULL,
    user_agent   nvarchar(2000) NULL,
    referrer     nvarchar(2000) NULL
);
CREATE INDEX ix_kol_clicks_kol ON kol_clicks (kol_id, clicked_at);

-- Which customer a click brought: from an event or an order that carried its clickId.
CREATE TABLE kol_click_customers (
    click_id     bigint NOT NULL REFERENCES kol_clicks (id),
    customer_id  bigint NOT NULL REFERENCES customers (id),
    seen_at      datetime2(3) NOT NULL,
    PRIMARY KEY (customer_id, click_id)
);

-- Decided once, when the order is stored.
CREATE TABLE order_attributions (
    order_id       bigint NOT NULL PRIMARY KEY REFERENCES orders (id),
    kol_id         bigint NOT NULL REFERENCES kols (id),
    via            nvarchar(200) NOT NULL CHECK (via IN ('code', 'link', 'live_session')),
    click_id       bigint NULL REFERENCES kol_clicks (id),
    contract_id    bigint NOT NULL REFERENCES kol_contracts (id),
    self_referral  bit NOT NULL DEFAULT 0,
    paid_at        datetime2(3) NOT NULL,
    month          nvarchar(7) NOT NULL
);
CREATE INDEX ix_order_attributions_kol ON order_attributions (kol_id, paid_at);

CREATE TABLE kol_payouts (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    period_end   datetime2(3) NOT NULL,
    status       nvarchar(200) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'paid')),
    total        bigint NOT NULL DEFAULT 0,
    lines        bigint NOT NULL DEFAULT 0,
    created_at   datetime2(3) NOT NULL,
    created_by   nvarchar(200) NOT NULL,
    approved_at  datetime2(3) NULL,
    approved_by  nvarchar(200) NULL,
    paid_at      datetime2(3) NULL
);

-- One commission line per attributed order; clawbacks and adjustments are further lines, never rewrites of a paid one.
-- refund_id and month keep the settlement job from writing a line twice.
CREATE TABLE kol_commissions (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    kol_id        bigint NOT NULL REFERENCES kols (id),
    order_id      bigint NOT NULL REFERENCES orders (id),
    contract_id   bigint NOT NULL REFERENCES kol_contracts (id),
    kind          nvarchar(200) NOT NULL CHECK (kind IN ('commission', 'clawback', 'adjustment')),
    amount        bigint NOT NULL,
    base          bigint NOT NULL,
    rate_kind     nvarchar(200) NOT NULL,
    rate_value    bigint NOT NULL,
    status        nvarchar(200) NOT NULL CHECK (status IN ('pending', 'approved', 'paid')),
    held          bit NOT NULL DEFAULT 0,
    month         nvarchar(7) NOT NULL,
    earned_at     datetime2(3) NOT NULL,
    available_at  datetime2(3) NOT NULL,
    refund_id     bigint NULL REFERENCES refunds (id),
    payout_id     bigint NULL REFERENCES kol_payouts (id),
    created_at    datetime2(3) NOT NULL
);
CREATE UNIQUE INDEX ux_kol_commissions_order ON kol_commissions (order_id) WHERE kind = 'commission';
CREATE UNIQUE INDEX ux_kol_commissions_refund ON kol_commissions (refund_id) WHERE refund_id IS NOT NULL;
CREATE UNIQUE INDEX ux_kol_commissions_adjustment ON kol_commissions (order_id, month) WHERE kind = 'adjustment';
CREATE INDEX ix_kol_commissions_kol ON kol_commissions (kol_id, month);
CREATE INDEX ix_kol_commissions_due ON kol_commissions (status, available_at);

-- A month whose tiers have been applied for a KOL.
CREATE TABLE kol_month_closes (
    kol_id     bigint NOT NULL REFERENCES kols (id),
    month      nvarchar(7) NOT NULL,
    closed_at  datetime2(3) NOT NULL,
    PRIMARY KEY (kol_id, month)
);
