-- Orders are never looked up by their referral code (attribution is stored in order_attributions), so the index on it
-- only cost every referred order one more write at checkout.
DROP INDEX IF EXISTS ix_orders_referral;
