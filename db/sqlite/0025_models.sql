-- Trained models: every run stores its bytes with the window it learnt from, its options, its figures and its data
-- size. One version per kind is active; a candidate becomes active only when it beat the active one on the same
-- evaluation window, or when a Manager activates it (rollback).
CREATE TABLE model_versions (
    id                     INTEGER PRIMARY KEY,
    kind                   TEXT    NOT NULL,
    version                INTEGER NOT NULL,
    status                 TEXT    NOT NULL CHECK (status IN ('candidate', 'active', 'retired')),
    trained_at             TEXT    NOT NULL,
    window_from            TEXT    NOT NULL,
    window_to              TEXT    NOT NULL,
    options_json           TEXT    NOT NULL,
    metrics_json           TEXT    NOT NULL,
    report_json            TEXT    NULL,
    compared_with_id       INTEGER NULL,
    compared_metrics_json  TEXT    NULL,
    rows                   INTEGER NOT NULL,
    model                  BLOB    NOT NULL,
    activated_at           TEXT    NULL,
    UNIQUE (kind, version)
);
-- The poll every web node makes for the active id of a kind reads this index only.
CREATE UNIQUE INDEX ux_model_versions_active ON model_versions (kind) WHERE status = 'active';

-- One row per kind: the run in progress (its lease) or the last one, so any node shows training progress and a
-- second run of a kind waits its turn.
CREATE TABLE model_training (
    kind          TEXT    NOT NULL PRIMARY KEY,
    status        TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    run_token     TEXT    NOT NULL,
    stage         TEXT    NOT NULL,
    fraction      REAL    NOT NULL,
    started_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    finished_at   TEXT    NULL,
    message       TEXT    NULL,
    candidate_id  INTEGER NULL,
    promoted      INTEGER NOT NULL DEFAULT 0
);
