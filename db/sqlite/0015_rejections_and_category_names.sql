-- Batch items the ingestion API refused, counted per business day and refusal code: one upsert per code per batch,
-- so the Admin start page can say what was refused today without a row per item.
CREATE TABLE rejected_items (
    day    TEXT    NOT NULL,
    code   TEXT    NOT NULL,
    items  INTEGER NOT NULL,
    PRIMARY KEY (day, code)
);

-- Names a marketer gives a category the API sent as a bare code; a missing name falls back to the code.
CREATE TABLE category_names (
    category    TEXT NOT NULL PRIMARY KEY,
    name_en     TEXT NULL,
    name_zh     TEXT NULL,
    updated_at  TEXT NOT NULL
);
