-- Promotions: coupon campaigns with their codes and redemptions, group-buy campaigns with their teams.
-- value is hundredths: of a percent for percent_off (12.5% = 1250), of the currency (fen) for amount_off and fixed_price.
-- Times are UTC. uses and budget_used are claimed by conditional updates in the order's transaction, so limits hold under load.

CREATE TABLE coupon_campaigns (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT    NOT NULL,
    kind                  TEXT    NOT NULL CHECK (kind IN ('percent_off', 'amount_off', 'fixed_price')),
    value                 INTEGER NOT NULL CHECK (value >= 0),
    min_spend             INTEGER NULL CHECK (min_spend >= 0),
    max_discount          INTEGER NULL CHECK (max_discount >= 0),
    eligibility           TEXT    NOT NULL DEFAULT 'all' CHECK (eligibility IN ('all', 'categories', 'courses')),
    audience              TEXT    NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'new_customers', 'live_claimers', 'list')),
    starts_at             TEXT    NULL,
    ends_at               TEXT    NULL,
    total_limit           INTEGER NULL CHECK (total_limit >= 0),
    per_customer_limit    INTEGER NULL CHECK (per_customer_limit >= 1),
    budget                INTEGER NULL CHECK (budget >= 0),
    budget_used           INTEGER NOT NULL DEFAULT 0 CHECK (budget_used >= 0),
    uses                  INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
    stackable             INTEGER NOT NULL DEFAULT 0,
    priority              INTEGER NOT NULL DEFAULT 0,
    status                TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'ended')),
    return_use_on_refund  INTEGER NOT NULL DEFAULT 0,
    live_session_id       INTEGER NULL REFERENCES live_sessions (id),
    claim_minutes         INTEGER NULL CHECK (claim_minutes >= 1),
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);

CREATE TABLE coupon_campaign_courses (
    campaign_id  INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    course_id    INTEGER NOT NULL REFERENCES courses (id),
    PRIMARY KEY (campaign_id, course_id)
) WITHOUT ROWID;

CREATE TABLE coupon_campaign_categories (
    campaign_id  INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    category     TEXT    NOT NULL,
    PRIMARY KEY (campaign_id, category)
) WITHOUT ROWID;

-- The customers of an audience 'list' campaign.
CREATE TABLE coupon_campaign_customers (
    campaign_id  INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    PRIMARY KEY (campaign_id, customer_id)
) WITHOUT ROWID;

-- A unique code is good for one use (uses guards it); a shared code for as many as its campaign allows.
CREATE TABLE coupon_codes (
    id           INTEGER PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,
    campaign_id  INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    is_unique    INTEGER NOT NULL DEFAULT 0,
    uses         INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
    created_at   TEXT    NOT NULL
);
CREATE INDEX ix_coupon_codes_campaign ON coupon_codes (campaign_id);

-- use_returned: the refund gave the use back, so it no longer counts against the customer's limit.
CREATE TABLE coupon_redemptions (
    id            INTEGER PRIMARY KEY,
    order_id      INTEGER NOT NULL REFERENCES orders (id),
    campaign_id   INTEGER NOT NULL REFERENCES coupon_campaigns (id),
    code_id       INTEGER NOT NULL REFERENCES coupon_codes (id),
    customer_id   INTEGER NOT NULL REFERENCES customers (id),
    amount        INTEGER NOT NULL CHECK (amount >= 0),
    redeemed_at   TEXT    NOT NULL,
    reversed_at   TEXT    NULL,
    use_returned  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_coupon_redemptions_customer ON coupon_redemptions (campaign_id, customer_id, use_returned);
CREATE INDEX ix_coupon_redemptions_order ON coupon_redemptions (order_id);

CREATE TABLE group_buy_campaigns (
    id                   INTEGER PRIMARY KEY,
    name                 TEXT    NOT NULL,
    course_id            INTEGER NOT NULL REFERENCES courses (id),
    team_size            INTEGER NOT NULL CHECK (team_size BETWEEN 2 AND 50),
    group_price          INTEGER NOT NULL CHECK (group_price >= 0),
    leader_price         INTEGER NULL CHECK (leader_price >= 0),
    team_window_minutes  INTEGER NOT NULL CHECK (team_window_minutes >= 1),
    starts_at            TEXT    NULL,
    ends_at              TEXT    NULL,
    max_teams            INTEGER NULL CHECK (max_teams >= 0),
    teams_opened         INTEGER NOT NULL DEFAULT 0,
    status               TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'ended')),
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL
);

CREATE TABLE group_buy_teams (
    id                  INTEGER PRIMARY KEY,
    campaign_id         INTEGER NOT NULL REFERENCES group_buy_campaigns (id),
    leader_customer_id  INTEGER NOT NULL REFERENCES customers (id),
    state               TEXT    NOT NULL CHECK (state IN ('open', 'succeeded', 'failed')),
    size                INTEGER NOT NULL,
    members             INTEGER NOT NULL DEFAULT 0,
    opened_at           TEXT    NOT NULL,
    expires_at          TEXT    NOT NULL,
    closed_at           TEXT    NULL,
    CHECK (members <= size)
);
CREATE INDEX ix_group_buy_teams_campaign ON group_buy_teams (campaign_id, state);
CREATE INDEX ix_group_buy_teams_open_expiry ON group_buy_teams (expires_at) WHERE state = 'open';

CREATE TABLE group_buy_members (
    id           INTEGER PRIMARY KEY,
    team_id      INTEGER NOT NULL REFERENCES group_buy_teams (id),
    customer_id  INTEGER NOT NULL REFERENCES customers (id),
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    is_leader    INTEGER NOT NULL DEFAULT 0,
    joined_at    TEXT    NOT NULL,
    UNIQUE (team_id, customer_id)
);
CREATE INDEX ix_group_buy_members_customer ON group_buy_members (customer_id);
CREATE INDEX ix_group_buy_members_order ON group_buy_members (order_id);
