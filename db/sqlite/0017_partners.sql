-- KOL partnerships: the roster, contracts, referral codes and tracked links, clicks, the attribution decided for an
-- order when it is stored, the commission ledger and payouts. Money is fen; a percent rate is hundredths of a percent
-- (12.5% = 1250), a flat rate is fen per order. Times are UTC.

CREATE TABLE kols (
    id            INTEGER PRIMARY KEY,
    external_id   TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    platform      TEXT    NOT NULL DEFAULT 'other',
    handle        TEXT    NULL,
    email         TEXT    NULL,
    phone         TEXT    NULL,
    customer_id   INTEGER NULL REFERENCES customers (id),
    status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX ix_kols_customer ON kols (customer_id) WHERE customer_id IS NOT NULL;

-- ends_at is exclusive; NULL runs on. Overlap is refused by the use case under the write lock.
CREATE TABLE kol_contracts (
    id                         INTEGER PRIMARY KEY,
    kol_id                     INTEGER NOT NULL REFERENCES kols (id),
    starts_at                  TEXT    NOT NULL,
    ends_at                    TEXT    NULL,
    rate_kind                  TEXT    NOT NULL CHECK (rate_kind IN ('percent', 'flat')),
    rate_value                 INTEGER NOT NULL CHECK (rate_value >= 0),
    fixed_fee                  INTEGER NOT NULL DEFAULT 0 CHECK (fixed_fee >= 0),
    attribution_window_days    INTEGER NOT NULL DEFAULT 7 CHECK (attribution_window_days >= 1),
    holding_days               INTEGER NOT NULL DEFAULT 15 CHECK (holding_days >= 0),
    binding                    TEXT    NOT NULL DEFAULT 'last_touch' CHECK (binding IN ('last_touch', 'first_touch')),
    created_at                 TEXT    NOT NULL
);
CREATE INDEX ix_kol_contracts_kol ON kol_contracts (kol_id, starts_at);

CREATE TABLE kol_contract_tiers (
    contract_id        INTEGER NOT NULL REFERENCES kol_contracts (id),
    from_monthly_net   INTEGER NOT NULL CHECK (from_monthly_net >= 0),
    value              INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (contract_id, from_monthly_net)
) WITHOUT ROWID;

CREATE TABLE kol_contract_course_rates (
    contract_id  INTEGER NOT NULL REFERENCES kol_contracts (id),
    course_id    INTEGER NOT NULL REFERENCES courses (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('percent', 'flat')),
    value        INTEGER NOT NULL CHECK (value >= 0),
    PRIMARY KEY (contract_id, course_id)
) WITHOUT ROWID;

-- Referral codes; they share one namespace with coupon codes, which the use case checks.
CREATE TABLE kol_codes (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    kol_id      INTEGER NOT NULL REFERENCES kols (id),
    created_at  TEXT    NOT NULL
);
CREATE INDEX ix_kol_codes_kol ON kol_codes (kol_id);

-- A coupon campaign whose codes attribute orders to a KOL.
CREATE TABLE kol_coupon_campaigns (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES coupon_campaigns (id),
    kol_id       INTEGER NOT NULL REFERENCES kols (id),
    created_at   TEXT    NOT NULL
);

CREATE TABLE kol_links (
    id               INTEGER PRIMARY KEY,
    code             TEXT    NOT NULL UNIQUE,
    kol_id           INTEGER NOT NULL REFERENCES kols (id),
    destination_url  TEXT    NOT NULL,
    course_id        INTEGER NULL REFERENCES courses (id),
    live_session_id  INTEGER NULL REFERENCES live_sessions (id),
    label            TEXT    NULL,
    status           TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_at       TEXT    NOT NULL
);
CREATE INDEX ix_kol_links_kol ON kol_links (kol_id);

-- ip_hash is a keyed hash: the address itself is never kept.
CREATE TABLE kol_clicks (
    id           INTEGER PRIMARY KEY,
    click_id     TEXT    NOT NULL UNIQUE,
    link_id      INTEGER NOT NULL REFERENCES kol_links (id),
    kol_id       INTEGER NOT NULL REFERENCES kols (id),
    clicked_at   TEXT    NOT NULL,
    ip_hash      TEXT    NULL,
    user_agent   TEXT    NULL,
    referrer     TEXT    NULL
);
CREATE INDEX ix_kol_clicks_kol ON kol_clicks (kol_id, clicked_at);

-- Which customer a click brought: from an event or an order that carried its clickId.
CREATE TABLE kol_click_customers (
    click_id     INTEGER NOT NULL REFERENCES kol_clicks (id),
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    seen_at      TEXT    NOT NULL,
    PRIMARY KEY (customer_id, click_id)
) WITHOUT ROWID;

-- Decided once, when the order is stored.
CREATE TABLE order_attributions (
    order_id       INTEGER NOT NULL PRIMARY KEY REFERENCES orders (id),
    kol_id         INTEGER NOT NULL REFERENCES kols (id),
    via            TEXT    NOT NULL CHECK (via IN ('code', 'link', 'live_session')),
    click_id       INTEGER NULL REFERENCES kol_clicks (id),
    contract_id    INTEGER NOT NULL REFERENCES kol_contracts (id),
    self_referral  INTEGER NOT NULL DEFAULT 0,
    paid_at        TEXT    NOT NULL,
    month          TEXT    NOT NULL
);
CREATE INDEX ix_order_attributions_kol ON order_attributions (kol_id, paid_at);

CREATE TABLE kol_payouts (
    id           INTEGER PRIMARY KEY,
    period_end   TEXT    NOT NULL,
    status       TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'paid')),
    total        INTEGER NOT NULL DEFAULT 0,
    lines        INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    approved_at  TEXT    NULL,
    approved_by  TEXT    NULL,
    paid_at      TEXT    NULL
);

-- One commission line per attributed order; clawbacks and adjustments are further lines, never rewrites of a paid one.
-- refund_id and month keep the settlement job from writing a line twice.
CREATE TABLE kol_commissions (
    id            INTEGER PRIMARY KEY,
    kol_id        INTEGER NOT NULL REFERENCES kols (id),
    order_id      INTEGER NOT NULL REFERENCES orders (id),
    contract_id   INTEGER NOT NULL REFERENCES kol_contracts (id),
    kind          TEXT    NOT NULL CHECK (kind IN ('commission', 'clawback', 'adjustment')),
    amount        INTEGER NOT NULL,
    base          INTEGER NOT NULL,
    rate_kind     TEXT    NOT NULL,
    rate_value    INTEGER NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'paid')),
    held          INTEGER NOT NULL DEFAULT 0,
    month         TEXT    NOT NULL,
    earned_at     TEXT    NOT NULL,
    available_at  TEXT    NOT NULL,
    refund_id     INTEGER NULL REFERENCES refunds (id),
    payout_id     INTEGER NULL REFERENCES kol_payouts (id),
    created_at    TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_kol_commissions_order ON kol_commissions (order_id) WHERE kind = 'commission';
CREATE UNIQUE INDEX ux_kol_commissions_refund ON kol_commissions (refund_id) WHERE refund_id IS NOT NULL;
CREATE UNIQUE INDEX ux_kol_commissions_adjustment ON kol_commissions (order_id, month) WHERE kind = 'adjustment';
CREATE INDEX ix_kol_commissions_kol ON kol_commissions (kol_id, month);
CREATE INDEX ix_kol_commissions_due ON kol_commissions (status, available_at);

-- A month whose tiers have been applied for a KOL.
CREATE TABLE kol_month_closes (
    kol_id     INTEGER NOT NULL REFERENCES kols (id),
    month      TEXT    NOT NULL,
    closed_at  TEXT    NOT NULL,
    PRIMARY KEY (kol_id, month)
) WITHOUT ROWID;
