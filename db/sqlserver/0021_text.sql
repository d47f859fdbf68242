-- Sentiment models, one row per training: the active one per language serves the API; a retraining that scored
-- worse on the held-out texts stays as 'rejected' with both its scores and the active model's (compared_*).
-- corrections_through is the last correction folded in, so a retraining runs only when there are new ones.
CREATE TABLE text_sentiment_models (
    id                  bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    language            nvarchar(8)  NOT NULL CHECK (language IN ('zh', 'en')),
    version             int          NOT NULL CHECK (version >= 1),
    status              nvarchar(16) NOT NULL CHECK (status IN ('active', 'rejected', 'retired')),
    trained_at          datetime2(3) NOT NULL,
    train_rows          int          NOT NULL,
    held_out_rows       int          NOT NULL,
    corrections         int          NOT NULL DEFAULT 0,
    corrections_through bigint       NOT NULL DEFAULT 0,
    accuracy            float        NOT NULL,
    macro_f1            float        NOT NULL,
    baseline_accuracy   float        NOT NULL,
    baseline_macro_f1   float        NOT NULL,
    neutral_low         float        NOT NULL,
    neutral_high        float        NOT NULL,
    compared_accuracy   float        NULL,
    compared_macro_f1   float        NULL,
    model               varbinary(max) NOT NULL,
    CONSTRAINT uq_text_sentiment_models_version UNIQUE (language, version)
);
CREATE UNIQUE INDEX ux_text_sentiment_models_active ON text_sentiment_models (language) WHERE status = 'active';

-- A label a marketer set by hand on a text; reference names where the text came from (a survey answer, say).
CREATE TABLE text_sentiment_corrections (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    text          nvarchar(max) NOT NULL,
    language      nvarchar(8)   NOT NULL CHECK (language IN ('zh', 'en')),
    label         nvarchar(16)  NOT NULL CHECK (label IN ('positive', 'neutral', 'negative')),
    reference     nvarchar(200) NULL,
    corrected_by  nvarchar(200) NOT NULL,
    corrected_at  datetime2(3)  NOT NULL
);
CREATE INDEX ix_text_sentiment_corrections_language ON text_sentiment_corrections (language, id);
