-- Orders are never looked up by their referral code (attribution is stored in order_attributions), so the index on it
-- only cost every referred order one more write at checkout.
IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'ix_orders_referral' AND object_id = OBJECT_ID('orders'))
    DROP INDEX ix_orders_referral ON orders;
