-- The last run of a kind keeps the figure its candidate was judged by, the active version's figure on the same
-- evaluation window and that window, so the models page can show what the promotion decision rested on.
ALTER TABLE model_training ADD
    compared_metric   nvarchar(64)  NULL,
    candidate_figure  float         NULL,
    active_id         bigint        NULL,
    active_figure     float         NULL,
    evaluated_from    datetime2(3)  NULL,
    evaluated_to      datetime2(3)  NULL;
