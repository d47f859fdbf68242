-- Sentiment models, one row per training: the active one per language serves the API; a retraining that scored
-- worse on the held-out texts stays as 'rejected' with both its scores and the active model's (compared_*).
-- corrections_through is the last correction folded in, so a retraining runs only when there are new ones.
CREATE TABLE text_sentiment_models (
    id                  INTEGER PRIMARY KEY,
    language            TEXT    NOT NULL CHECK (language IN ('zh', 'en')),
    version             INTEGER NOT NULL CHECK (version >= 1),
    status              TEXT    NOT NULL CHECK (status IN ('active', 'rejected', 'retired')),
    trained_at          TEXT    NOT NULL,
    train_rows          INTEGER NOT NULL,
    held_out_rows       INTEGER NOT NULL,
    corrections         INTEGER NOT NULL DEFAULT 0,
    corrections_through INTEGER NOT NULL DEFAULT 0,
    accuracy            REAL    NOT NULL,
    macro_f1            REAL    NOT NULL,
    baseline_accuracy   REAL    NOT NULL,
    baseline_macro_f1   REAL    NOT NULL,
    neutral_low         REAL    NOT NULL,
    neutral_high        REAL    NOT NULL,
    compared_accuracy   REAL    NULL,
    compared_macro_f1   REAL    NULL,
    model               BLOB    NOT NULL,
    UNIQUE (language, version)
);
CREATE UNIQUE INDEX ux_text_sentiment_models_active ON text_sentiment_models (language) WHERE status = 'active';

-- A label a marketer set by hand on a text; reference names where the text came from (a survey answer, say).
CREATE TABLE text_sentiment_corrections (
    id            INTEGER PRIMARY KEY,
    text          TEXT    NOT NULL,
    language      TEXT    NOT NULL CHECK (language IN ('zh', 'en')),
    label         TEXT    NOT NULL CHECK (label IN ('positive', 'neutral', 'negative')),
    reference     TEXT    NULL,
    corrected_by  TEXT    NOT NULL,
    corrected_at  TEXT    NOT NULL
);
CREATE INDEX ix_text_sentiment_corrections_language ON text_sentiment_corrections (language, id);
