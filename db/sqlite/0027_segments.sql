-- Audience segments: a named rule (JSON of nested all/any groups over the catalogue's fields), archived rather than
-- deleted so audiences that named one keep their meaning. segment_sizes holds one size per segment and business day,
-- written by the daily job; the key makes a second run on the same day replace its row, never add one.
CREATE TABLE segments (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    rule_json    TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    archived_at  TEXT    NULL
);

CREATE TABLE segment_sizes (
    segment_id   INTEGER NOT NULL REFERENCES segments (id),
    day          TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    computed_at  TEXT    NOT NULL,
    PRIMARY KEY (segment_id, day)
) WITHOUT ROWID;

-- Each customer's highest purchase probability under the active propensity model, scored by the daily segments job,
-- so a rule filters on it with one indexed look-up instead of scoring at query time.
CREATE TABLE segment_propensity (
    customer_id  INTEGER NOT NULL PRIMARY KEY REFERENCES customers (id),
    probability  REAL    NOT NULL CHECK (probability >= 0 AND probability <= 1),
    model_id     INTEGER NOT NULL,
    scored_at    TEXT    NOT NULL
);

-- A coupon campaign or an experiment whose audience is a segment; the campaign's own audience column stays
-- 'everyone' and this row narrows it, as the detractor rule does.
CREATE TABLE coupon_campaign_segments (
    campaign_id  INTEGER NOT NULL PRIMARY KEY REFERENCES coupon_campaigns (id),
    segment_id   INTEGER NOT NULL REFERENCES segments (id)
);
CREATE INDEX ix_coupon_campaign_segments_segment ON coupon_campaign_segments (segment_id);

CREATE TABLE experiment_segments (
    experiment_id  INTEGER NOT NULL PRIMARY KEY REFERENCES experiments (id),
    segment_id     INTEGER NOT NULL REFERENCES segments (id)
);
CREATE INDEX ix_experiment_segments_segment ON experiment_segments (segment_id);
