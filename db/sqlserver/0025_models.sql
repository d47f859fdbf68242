-- Trained models: every run stores its bytes with the window it learnt from, its options, its figures and its data
-- size. One version per kind is active; a candidate becomes active only when it beat the active one on the same
-- evaluation window, or when a Manager activates it (rollback).
CREATE TABLE model_versions (
    id                     bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    kind                   nvarchar(40)   NOT NULL,
    version                int            NOT NULL,
    status                 nvarchar(20)   NOT NULL CHECK (status IN ('candidate', 'active', 'retired')),
    trained_at             datetime2(3)   NOT NULL,
    window_from            datetime2(3)   NOT NULL,
    window_to              datetime2(3)   NOT NULL,
    options_json           nvarchar(max)  NOT NULL,
    metrics_json           nvarchar(max)  NOT NULL,
    report_json            nvarchar(max)  NULL,
    compared_with_id       bigint         NULL,
    compared_metrics_json  nvarchar(max)  NULL,
    rows                   int            NOT NULL,
    model                  varbinary(max) NOT NULL,
    activated_at           datetime2(3)   NULL,
    CONSTRAINT uq_model_versions_kind_version UNIQUE (kind, version)
);
-- The poll every web node makes for the active id of a kind reads this index only.
CREATE UNIQUE INDEX ux_model_versions_active ON model_versions (kind) WHERE status = 'active';

-- One row per kind: the run in progress (its lease) or the last one, so any node shows training progress and a
-- second run of a kind waits its turn.
CREATE TABLE model_training (
    kind          nvarchar(40)   NOT NULL PRIMARY KEY,
    status        nvarchar(20)   NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    run_token     nvarchar(40)   NOT NULL,
    stage         nvarchar(100)  NOT NULL,
    fraction      float          NOT NULL,
    started_at    datetime2(3)   NOT NULL,
    updated_at    datetime2(3)   NOT NULL,
    finished_at   datetime2(3)   NULL,
    message       nvarchar(1000) NULL,
    candidate_id  bigint         NULL,
    promoted      bit            NOT NULL DEFAULT 0
);
