-- Email and phone are kept sealed (Data Protection, "pd1:" prefix) from here on. A sealed value cannot be searched, so
-- each gets a keyed hash (HMAC-SHA256 of the normalised value) for exact look-up and de-duplication. Rows written
-- before this script are sealed by the console at start, in batches, so the script itself only makes room.
DROP INDEX IF EXISTS ix_customers_email;
ALTER TABLE customers ADD COLUMN email_hash TEXT NULL;
ALTER TABLE customers ADD COLUMN phone_hash TEXT NULL;
CREATE INDEX ix_customers_email_hash ON customers (email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX ix_customers_phone_hash ON customers (phone_hash) WHERE phone_hash IS NOT NULL;

-- The look-up hash key, itself sealed with the key ring, shared by every node through the store.
CREATE TABLE personal_data_keys (
    name        TEXT NOT NULL PRIMARY KEY,
    sealed_key  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

