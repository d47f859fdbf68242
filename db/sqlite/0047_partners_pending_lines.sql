-- An attributed order's pending commission line is no longer written at checkout, where SQLite's one writer paid for
-- the row and its three indexes on every order. Its amount, rate and release time wait on the attribution row instead,
-- which every reader of the ledger adds in, until the settlement (or a refund or hold of that order) writes the line
-- and clears them. The partial index keeps those waiting rows few and quick to find.
ALTER TABLE order_attributions ADD COLUMN line_amount INTEGER NULL;
ALTER TABLE order_attributions ADD COLUMN line_rate_kind TEXT NULL;
ALTER TABLE order_attributions ADD COLUMN line_rate_value INTEGER NULL;
ALTER TABLE order_attributions ADD COLUMN line_available_at TEXT NULL;
CREATE INDEX ix_order_attributions_waiting ON order_attributions (kol_id, order_id) WHERE line_amount IS NOT NULL;

-- A refund and the month's close read every line of one order; only the commission line had an index by order.
CREATE INDEX ix_kol_commissions_order_lines ON kol_commissions (order_id);
