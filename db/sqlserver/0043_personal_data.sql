-- Email and phone are kept sealed (Data Protection, "pd1:" prefix) from here on. A sealed value cannot be searched, so
-- each gets a keyed hash (HMAC-SHA256 of the normalised value) for exact look-up and de-duplication. Rows written
-- before this script are sealed by the console at start, in batches, so the script itself only makes room.
DROP INDEX IF EXISTS ix_customers_email ON customers;
ALTER TABLE customers ALTER COLUMN email nvarchar(1000) NULL;
ALTER TABLE customers ALTER COLUMN phone nvarchar(400) NULL;
ALTER TABLE customers ADD email_hash char(64) NULL, phone_hash char(64) NULL;
GO
CREATE INDEX ix_customers_email_hash ON customers (email_hash) WHERE email_hash IS NOT NULL;
CREATE INDEX ix_customers_phone_hash ON customers (phone_hash) WHERE phone_hash IS NOT NULL;
ALTER TABLE email_recipients ALTER COLUMN email nvarchar(1000) NULL;
ALTER TABLE kols ALTER COLUMN email nvarchar(1000) NULL;
ALTER TABLE kols ALTER COLUMN phone nvarchar(400) NULL;

-- The look-up hash key, itself sealed with the key ring, shared by every node through the store.
CREATE TABLE personal_data_keys (
    name        nvarchar(50)   NOT NULL PRIMARY KEY,
    sealed_key  nvarchar(1000) NOT NULL,
    created_at  datetime2(3)   NOT NULL
);

