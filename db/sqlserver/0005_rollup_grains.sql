-- Coarser copies of daily_sales kept by the same rollup transaction: the dashboard reads a few hundred
-- rows per quarter from these instead of every (day, course, channel) row.
CREATE TABLE daily_course_sales (
    day              date    NOT NULL,
    course_id        bigint  NOT NULL,
    orders           bigint  NOT NULL DEFAULT 0,
    gross            bigint  NOT NULL DEFAULT 0,
    discount         bigint  NOT NULL DEFAULT 0,
    refunded         bigint  NOT NULL DEFAULT 0,
    refunded_orders  bigint  NOT NULL DEFAULT 0,
    live_orders      bigint  NOT NULL DEFAULT 0,
    CONSTRAINT pk_daily_course_sales PRIMARY KEY (day, course_id)
);

CREATE TABLE daily_channel_sales (
    day              date          NOT NULL,
    channel          nvarchar(50)  NOT NULL,
    orders           bigint        NOT NULL DEFAULT 0,
    gross            bigint        NOT NULL DEFAULT 0,
    discount         bigint        NOT NULL DEFAULT 0,
    refunded         bigint        NOT NULL DEFAULT 0,
    refunded_orders  bigint        NOT NULL DEFAULT 0,
    live_orders      bigint        NOT NULL DEFAULT 0,
    CONSTRAINT pk_daily_channel_sales PRIMARY KEY (day, channel)
);

INSERT INTO daily_course_sales (day, course_id, orders, gross, discount, refunded, refunded_orders, live_orders)
SELECT day, course_id, SUM(orders), SUM(gross), SUM(discount), SUM(refunded), SUM(refunded_orders), SUM(live_orders)
FROM daily_sales GROUP BY day, course_id;

INSERT INTO daily_channel_sales (day, channel, orders, gross, discount, refunded, refunded_orders, live_orders)
SELECT day, channel, SUM(orders), SUM(gross), SUM(discount), SUM(refunded), SUM(refunded_orders), SUM(live_orders)
FROM daily_sales GROUP BY day, channel;
