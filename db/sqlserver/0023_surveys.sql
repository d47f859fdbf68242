-- Surveys: questions in English and Chinese, links (tokens) respondents open, their responses, and what the
-- analysis job derives from them. Times are UTC. A response keeps its answers as JSON keyed by question key;
-- the columns beside it are what reads filter and group on.

CREATE TABLE surveys (
    id             bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    name           nvarchar(200) NOT NULL,
    status         nvarchar(20)  NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    trigger_kind   nvarchar(30)  NOT NULL CHECK (trigger_kind IN ('manual', 'after_live_session')),
    delay_minutes  int NOT NULL DEFAULT 0 CHECK (delay_minutes >= 0),
    analysed_at    datetime2(3) NULL,
    created_at     datetime2(3) NOT NULL,
    updated_at     datetime2(3) NOT NULL
);

CREATE TABLE survey_questions (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    survey_id     bigint NOT NULL REFERENCES surveys (id),
    position      int NOT NULL,
    question_key  nvarchar(64) NOT NULL,
    kind          nvarchar(20) NOT NULL CHECK (kind IN ('nps', 'csat', 'rating', 'single_choice', 'multi_choice', 'text')),
    text_en       nvarchar(1000) NOT NULL,
    text_zh       nvarchar(1000) NOT NULL,
    options_json  nvarchar(max) NOT NULL DEFAULT '[]',
    required      bit NOT NULL DEFAULT 0,
    CONSTRAINT uq_survey_questions_key UNIQUE (survey_id, question_key)
);

CREATE TABLE survey_trigger_courses (
    survey_id  bigint NOT NULL REFERENCES surveys (id),
    course_id  bigint NOT NULL REFERENCES courses (id),
    PRIMARY KEY (survey_id, course_id)
);

-- A link is per survey, and optionally per customer and live session. Links the trigger job makes carry
-- origin 'session', and the unique index keeps it at one per ended session however often the job runs.
CREATE TABLE survey_links (
    id               bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    survey_id        bigint NOT NULL REFERENCES surveys (id),
    token            nvarchar(64) NOT NULL UNIQUE,
    origin           nvarchar(20) NOT NULL CHECK (origin IN ('manual', 'session')),
    customer_id      bigint NULL REFERENCES customers (id),
    live_session_id  bigint NULL REFERENCES live_sessions (id),
    created_at       datetime2(3) NOT NULL
);
CREATE UNIQUE INDEX ux_survey_links_session ON survey_links (survey_id, live_session_id) WHERE origin = 'session';

-- respondent is the customer's id when known, else a random id the response page keeps in a cookie; with link_id
-- it lets one person answer a link once.
CREATE TABLE survey_responses (
    id                  bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    survey_id           bigint NOT NULL REFERENCES surveys (id),
    response_id         nvarchar(100) NOT NULL,
    link_id             bigint NULL REFERENCES survey_links (id),
    respondent          nvarchar(100) NULL,
    customer_id         bigint NULL REFERENCES customers (id),
    live_session_id     bigint NULL REFERENCES live_sessions (id),
    course_id           bigint NULL REFERENCES courses (id),
    language            nvarchar(10) NULL,
    answers_json        nvarchar(max) NOT NULL,
    free_text           nvarchar(max) NULL,
    nps_score           int NULL CHECK (nps_score BETWEEN 0 AND 10),
    csat_score          int NULL CHECK (csat_score BETWEEN 1 AND 5),
    sentiment           nvarchar(10) NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
    sentiment_positive  float NULL,
    theme               nvarchar(200) NULL,
    channel             nvarchar(100) NULL,
    kol                 nvarchar(100) NULL,
    buyer               bit NULL,
    analysed            bit NOT NULL DEFAULT 0,
    submitted_at        datetime2(3) NOT NULL,
    received_at         datetime2(3) NOT NULL,
    CONSTRAINT uq_survey_responses_id UNIQUE (survey_id, response_id)
);
CREATE UNIQUE INDEX ux_survey_responses_link ON survey_responses (link_id, respondent) WHERE link_id IS NOT NULL;
CREATE INDEX ix_survey_responses_survey ON survey_responses (survey_id, submitted_at);
CREATE INDEX ix_survey_responses_customer ON survey_responses (customer_id, submitted_at) WHERE customer_id IS NOT NULL;

-- Themes of a survey's free text as the analysis job last found them; responses name theirs by label.
CREATE TABLE survey_themes (
    survey_id      bigint NOT NULL REFERENCES surveys (id),
    position       int NOT NULL,
    label          nvarchar(200) NOT NULL,
    examples_json  nvarchar(max) NOT NULL,
    PRIMARY KEY (survey_id, position)
);

-- A coupon campaign's audience rule that leaves out customers who answered an NPS question with 0–6 in the last
-- days; the checkout's coupon check reads it.
CREATE TABLE coupon_campaign_detractor_rules (
    campaign_id  bigint NOT NULL PRIMARY KEY REFERENCES coupon_campaigns (id),
    days         int NOT NULL CHECK (days BETWEEN 1 AND 3650),
    updated_at   datetime2(3) NOT NULL
);
