-- The last run of a kind keeps the figure its candidate was judged by, the active version's figure on the same
-- evaluation window and that window, so the models page can show what the promotion decision rested on.
ALTER TABLE model_training ADD COLUMN compared_metric TEXT NULL;
ALTER TABLE model_training ADD COLUMN candidate_figure REAL NULL;
ALTER TABLE model_training ADD COLUMN active_id INTEGER NULL;
ALTER TABLE model_training ADD COLUMN active_figure REAL NULL;
ALTER TABLE model_training ADD COLUMN evaluated_from TEXT NULL;
ALTER TABLE model_training ADD COLUMN evaluated_to TEXT NULL;
