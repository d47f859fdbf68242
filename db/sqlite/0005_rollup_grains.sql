-- Coarser copies of daily_sales kept by the same rollup transaction: the dashboard reads a few hundred
-- rows per quarter from these instead of every (day, course, channel) row.
CREATE TABLE daily_course_sales (
    day              TEXT    NOT NULL,
    course_id        INTEGER NOT NULL,
    orders           INTEGER NOT NULL DEFAULT 0,
    gross            INTEGER NOT NULL DEFAULT 0,
    discount         INTEGER NOT NULL DEFAULT 0,
    refunded         INTEGER NOT NULL DEFAULT 0,
    refunded_orders  INTEGER NOT NULL DEFAULT 0,
    live_orders      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, course_id)
) WITHOUT ROWID;

CREATE TABLE daily_channel_sales (
    day              TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    orders           INTEGER NOT NULL DEFAULT 0,
    gross            INTEGER NOT NULL DEFAULT 0,
    discount         INTEGER NOT NULL DEFAULT 0,
    refunded         INTEGER NOT NULL DEFAULT 0,
    refunded_orders  INTEGER NOT NULL DEFAULT 0,
    live_orders      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel)
) WITHOUT ROWID;

INSERT INTO daily_course_sales (day, course_id, orders, gross, discount, refunded, refunded_orders, live_orders)
SELECT day, course_id, SUM(orders), SUM(gross), SUM(discount), SUM(refunded), SUM(refunded_orders), SUM(live_orders)
FROM daily_sales GROUP BY day, course_id;

INSERT INTO daily_channel_sales (day, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
SELECT day, channel, SUM(orders), SUM(gross), SUM(discount), SUM(refunded), SUM(refunded_orders), SUM(live_orders)
FROM daily_sales GROUP BY day, channel;
