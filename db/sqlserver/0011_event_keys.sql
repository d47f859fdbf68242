-- Duplicates are decided by a 64-bit event_key (see EventKey in Console.Domain), as on SQLite: one insert path for
-- both stores. The key is the first 8 bytes of SHA-256 over the id's UTF-16 text, which HASHBYTES computes here;
-- the rare id whose key an older id already took gets its next probe (the id followed by '#1').
-- The customer index keeps occurred_at: SQL Server logs row changes rather than whole pages per commit, so random
-- inserts into it cost little, and the customer timeline reads it in order.

ALTER TABLE events ADD event_key bigint NULL;
GO

UPDATE events SET event_key = CAST(SUBSTRING(HASHBYTES('SHA2_256', CAST(event_id AS varbinary(200))), 1, 8) AS bigint);

WITH shared AS (
    SELECT event_key, event_id, ROW_NUMBER() OVER (PARTITION BY event_key ORDER BY id) AS n FROM events
)
UPDATE shared SET event_key = CAST(SUBSTRING(HASHBYTES('SHA2_256', CAST(event_id + N'#1' AS varbinary(210))), 1, 8) AS bigint)
WHERE n > 1;

ALTER TABLE events ALTER COLUMN event_key bigint NOT NULL;
ALTER TABLE events DROP CONSTRAINT ux_events_event_id;
CREATE UNIQUE INDEX ux_events_event_key ON events (event_key);
GO
