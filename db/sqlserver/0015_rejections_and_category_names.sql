-- Batch items the ingestion API refused, counted per business day and refusal code: one upsert per code per batch,
-- so the Admin start page can say what was refused today without a row per item.
CREATE TABLE rejected_items (
    day    date          NOT NULL,
    code   nvarchar(64)  NOT NULL,
    items  bigint        NOT NULL,
    CONSTRAINT pk_rejected_items PRIMARY KEY (day, code)
);

-- Names a marketer gives a category the API sent as a bare code; a missing name falls back to the code.
CREATE TABLE category_names (
    category    nvarchar(100)  NOT NULL,
    name_en     nvarchar(100)  NULL,
    name_zh     nvarchar(100)  NULL,
    updated_at  datetime2(3)   NOT NULL,
    CONSTRAINT pk_category_names PRIMARY KEY (category)
);
