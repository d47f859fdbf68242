-- Promotions: coupon campaigns with their codes and redemptions, group-buy campaigns with their teams.
-- value is hundredths: of a percent for percent_off (12.5% = 1250), of the currency (fen) for amount_off and fixed_price.
-- Times are UTC. uses and budget_used are claimed by conditional updates in the order's transaction, so limits hold under load.

CREATE TABLE coupon_campaigns (
    id                    bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name                  nvarchar(200) NOT NULL,
    kind                  nvarchar(20) NOT NULL CHECK (kind IN ('percent_off', 'amount_off', 'fixed_price')),
    value                 bigint  NOT NULL CHECK (value >= 0),
    min_spend             bigint  NULL CHECK (min_spend >= 0),
    max_discount          bigint  NULL CHECK (max_discount >= 0),
    eligibility           nvarchar(20) NOT NULL DEFAULT 'all' CHECK (eligibility IN ('all', 'categories', 'courses')),
    audience              nvarchar(20) NOT NULL DEFAULT 'everyone' CHECK (audience IN ('everyone', 'new_customers', 'live_claimers', 'list')),
    starts_at             datetime2(3) NULL,
    ends_at               datetime2(3) NULL,
    total_limit           int     NULL CHECK (total_limit >= 0),
    per_customer_limit    int     NULL CHECK (per_customer_limit >= 1),
    budget                bigint  NULL CHECK (budget >= 0),
    budget_used           bigint  NOT NULL DEFAULT 0 CHECK (budget_used >= 0),
    uses                  int     NOT NULL DEFAULT 0 CHECK (uses >= 0),
    stackable             bit     NOT NULL DEFAULT 0,
    priority              int     NOT NULL DEFAULT 0,
    status                nvarchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'ended')),
    return_use_on_refund  bit     NOT NULL DEFAULT 0,
    live_session_id       bigint  NULL REFERENCES live_sessions (id),
    claim_minutes         int     NULL CHECK (claim_minutes >= 1),
    created_at            datetime2(3) NOT NULL,
    updated_at            datetime2(3) NOT NULL
);

CREATE TABLE coupon_campaign_courses (
    campaign_id  bigint  NOT NULL REFERENCES coupon_campaigns (id),
    course_id    bigint  NOT NULL REFERENCES courses (id),
    PRIMARY KEY (campaign_id, course_id)
);

CREATE TABLE coupon_campaign_categories (
    campaign_id  bigint  NOT NULL REFERENCES coupon_campaigns (id),
    category     nvarchar(100) NOT NULL,
    PRIMARY KEY (campaign_id, category)
);

-- The customers of an audience 'list' campaign.
CREATE TABLE coupon_campaign_customers (
    campaign_id  bigint  NOT NULL REFERENCES coupon_campaigns (id),
    customer_id  bigint  NOT NULL REFERENCES customers (id),
    PRIMARY KEY (campaign_id, customer_id)
);

-- A unique code is good for one use (uses guards it); a shared code for as many as its campaign allows.
CREATE TABLE coupon_codes (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    code         nvarchar(50)   NOT NULL UNIQUE,
    campaign_id  bigint  NOT NULL REFERENCES coupon_campaigns (id),
    is_unique    bit     NOT NULL DEFAULT 0,
    uses         int     NOT NULL DEFAULT 0 CHECK (uses >= 0),
    created_at   datetime2(3) NOT NULL
);
CREATE INDEX ix_coupon_codes_campaign ON coupon_codes (campaign_id);

-- use_returned: the refund gave the use back, so it no longer counts against the customer's limit.
CREATE TABLE coupon_redemptions (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    order_id      bigint  NOT NULL REFERENCES orders (id),
    campaign_id   bigint  NOT NULL REFERENCES coupon_campaigns (id),
    code_id       bigint  NOT NULL REFERENCES coupon_codes (id),
    customer_id   bigint  NOT NULL REFERENCES customers (id),
    amount        bigint  NOT NULL CHECK (amount >= 0),
    redeemed_at   datetime2(3) NOT NULL,
    reversed_at   datetime2(3) NULL,
    use_returned  bit     NOT NULL DEFAULT 0
);
CREATE INDEX ix_coupon_redemptions_customer ON coupon_redemptions (campaign_id, customer_id, use_returned);
CREATE INDEX ix_coupon_redemptions_order ON coupon_redemptions (order_id);

CREATE TABLE group_buy_campaigns (
    id                   bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name                 nvarchar(200) NOT NULL,
    course_id            bigint  NOT NULL REFERENCES courses (id),
    team_size            int     NOT NULL CHECK (team_size BETWEEN 2 AND 50),
    group_price          bigint  NOT NULL CHECK (group_price >= 0),
    leader_price         bigint  NULL CHECK (leader_price >= 0),
    team_window_minutes  int     NOT NULL CHECK (team_window_minutes >= 1),
    starts_at            datetime2(3) NULL,
    ends_at              datetime2(3) NULL,
    max_teams            int     NULL CHECK (max_teams >= 0),
    teams_opened         int     NOT NULL DEFAULT 0,
    status               nvarchar(20) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'paused', 'ended')),
    created_at           datetime2(3) NOT NULL,
    updated_at           datetime2(3) NOT NULL
);

CREATE TABLE group_buy_teams (
    id                  bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    campaign_id         bigint  NOT NULL REFERENCES group_buy_campaigns (id),
    leader_customer_id  bigint  NOT NULL REFERENCES customers (id),
    state               nvarchar(20) NOT NULL CHECK (state IN ('open', 'succeeded', 'failed')),
    size                int     NOT NULL,
    members             int     NOT NULL DEFAULT 0,
    opened_at           datetime2(3) NOT NULL,
    expires_at          datetime2(3) NOT NULL,
    closed_at           datetime2(3) NULL,
    CHECK (members <= size)
);
CREATE INDEX ix_group_buy_teams_campaign ON group_buy_teams (campaign_id, state);
CREATE INDEX ix_group_buy_teams_open_expiry ON group_buy_teams (expires_at) WHERE state = 'open';

CREATE TABLE group_buy_members (
    id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    team_id      bigint  NOT NULL REFERENCES group_buy_teams (id),
    customer_id  bigint  NOT NULL REFERENCES customers (id),
    order_id     bigint  NOT NULL REFERENCES orders (id),
    is_leader    bit     NOT NULL DEFAULT 0,
    joined_at    datetime2(3) NOT NULL,
    UNIQUE (team_id, customer_id)
);
CREATE INDEX ix_group_buy_members_customer ON group_buy_members (customer_id);
CREATE INDEX ix_group_buy_members_order ON group_buy_members (order_id);
