-- Surveys: questions in English and Chinese, links (tokens) respondents open, their responses, and what the
-- analysis job derives from them. Times are UTC. A response keeps its answers as JSON keyed by question key;
-- the columns beside it are what reads filter and group on.

CREATE TABLE surveys (
    id             INTEGER PRIMARY KEY,
    name           TEXT    NOT NULL,
    status         TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    trigger_kind   TEXT    NOT NULL CHECK (trigger_kind IN ('manual', 'after_live_session')),
    delay_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (delay_minutes >= 0),
    analysed_at    TEXT    NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

CREATE TABLE survey_questions (
    id            INTEGER PRIMARY KEY,
    survey_id     INTEGER NOT NULL REFERENCES surveys (id),
    position      INTEGER NOT NULL,
    question_key  TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('nps', 'csat', 'rating', 'single_choice', 'multi_choice', 'text')),
    text_en       TEXT    NOT NULL,
    text_zh       TEXT    NOT NULL,
    options_json  TEXT    NOT NULL DEFAULT '[]',
    required      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (survey_id, question_key)
);

CREATE TABLE survey_trigger_courses (
    survey_id  INTEGER NOT NULL REFERENCES surveys (id),
    course_id  INTEGER NOT NULL REFERENCES courses (id),
    PRIMARY KEY (survey_id, course_id)
);

-- A link is per survey, and optionally per customer and live session. Links the trigger job makes carry
-- origin 'session', and the unique index keeps it at one per ended session however often the job runs.
CREATE TABLE survey_links (
    id               INTEGER PRIMARY KEY,
    survey_id        INTEGER NOT NULL REFERENCES surveys (id),
    token            TEXT    NOT NULL UNIQUE,
    origin           TEXT    NOT NULL CHECK (origin IN ('manual', 'session')),
    customer_id      INTEGER NULL REFERENCES customers (id),
    live_session_id  INTEGER NULL REFERENCES live_sessions (id),
    created_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_survey_links_session ON survey_links (survey_id, live_session_id) WHERE origin = 'session';

-- respondent is the customer's id when known, else a random id the response page keeps in a cookie; with link_id
-- it lets one person answer a link once.
CREATE TABLE survey_responses (
    id                  INTEGER PRIMARY KEY,
    survey_id           INTEGER NOT NULL REFERENCES surveys (id),
    response_id         TEXT    NOT NULL,
    link_id             INTEGER NULL REFERENCES survey_links (id),
    respondent          TEXT    NULL,
    customer_id         INTEGER NULL REFERENCES customers (id),
    live_session_id     INTEGER NULL REFERENCES live_sessions (id),
    course_id           INTEGER NULL REFERENCES courses (id),
    language            TEXT    NULL,
    answers_json        TEXT    NOT NULL,
    free_text           TEXT    NULL,
    nps_score           INTEGER NULL CHECK (nps_score BETWEEN 0 AND 10),
    csat_score          INTEGER NULL CHECK (csat_score BETWEEN 1 AND 5),
    sentiment           TEXT    NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    sentiment_positive  REAL    NULL,
    theme               TEXT    NULL,
    channel             TEXT    NULL,
    kol                 TEXT    NULL,
    buyer               INTEGER NULL,
    analysed            INTEGER NOT NULL DEFAULT 0,
    submitted_at        TEXT    NOT NULL,
    received_at         TEXT    NOT NULL,
    UNIQUE (survey_id, response_id)
);
CREATE UNIQUE INDEX ux_survey_responses_link ON survey_responses (link_id, respondent) WHERE link_id IS NOT NULL;
CREATE INDEX ix_survey_responses_survey ON survey_responses (survey_id, submitted_at);
CREATE INDEX ix_survey_responses_customer ON survey_responses (customer_id, submitted_at) WHERE customer_id IS NOT NULL;

-- Themes of a survey's free text as the analysis job last found them; responses name theirs by label.
CREATE TABLE survey_themes (
    survey_id      INTEGER NOT NULL REFERENCES surveys (id),
    position       INTEGER NOT NULL,
    label          TEXT    NOT NULL,
    examples_json  TEXT    NOT NULL,
    PRIMARY KEY (survey_id, position)
);

-- A coupon campaign's audience rule that leaves out customers who answered an NPS question with 0–6 in the last
-- days; the checkout's coupon check reads it.
CREATE TABLE coupon_campaign_detractor_rules (
    campaign_id  INTEGER PRIMARY KEY REFERENCES coupon_campaigns (id),
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650),
    updated_at   TEXT    NOT NULL
);
