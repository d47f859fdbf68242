-- A coupon_claim event may name the code it claimed (couponCode); the row keeps that code's campaign, so a
-- live_claimers campaign counts only its own claims. Claims without a code stay NULL and count for every
-- claimers-only campaign of their live session. No index: the audience check reads a customer's events by the
-- customer index, and the insert stays as lean as before.
ALTER TABLE events ADD coupon_campaign_id bigint NULL;
