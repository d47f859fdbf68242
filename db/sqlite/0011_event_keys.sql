-- Duplicates are decided by a 64-bit event_key (see EventKey in Console.Domain) instead of a unique text index over
-- event_id: with random ids every row of a commit lands on its own index page, and an integer index has a fifth of
-- the pages, so a commit rewrites far fewer of them. The customer index drops occurred_at and the live-session index
-- drops type for the same reason: their entries become (customer_id, id) and (live_session_id, id), so a new row
-- always goes to the end of its customer's or session's range, one place per customer or session instead of many.
-- SQLite cannot drop a column's UNIQUE in place, so events is rebuilt. event_key(id, probe) is registered by the
-- console's migrator; the second copy gives the rare id whose key another id already took its next probe.

CREATE TABLE events_keyed (
    id               INTEGER PRIMARY KEY,
    event_key        INTEGER NOT NULL,
    event_id         TEXT    NOT NULL,
    customer_id      INTEGER NOT NULL,
    type             TEXT    NOT NULL,
    occurred_at      TEXT    NOT NULL,
    course_id        INTEGER NULL,
    live_session_id  INTEGER NULL,
    value            REAL    NULL
);
CREATE UNIQUE INDEX ux_events_event_key ON events_keyed (event_key);

INSERT OR IGNORE INTO events_keyed (id, event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
SELECT id, event_key(event_id, 0), event_id, customer_id, type, occurred_at, course_id, live_session_id, value
FROM events ORDER BY id;

INSERT INTO events_keyed (id, event_key, event_id, customer_id, type, occurred_at, course_id, live_session_id, value)
SELECT id, event_key(event_id, 1), event_id, customer_id, type, occurred_at, course_id, live_session_id, value
FROM events WHERE id NOT IN (SELECT id FROM events_keyed) ORDER BY id;

DROP TABLE events;
ALTER TABLE events_keyed RENAME TO events;
CREATE INDEX ix_events_customer ON events (customer_id);
CREATE INDEX ix_events_live_session ON events (live_session_id) WHERE live_session_id IS NOT NULL;
