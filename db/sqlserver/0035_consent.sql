-- Consent: every change of a customer's email_opt_in with when, why (its source) and, for an unsubscribe, the email
-- campaign whose link was used. Rows are only added, so the history is the proof of consent a data request reads.
CREATE TABLE consent_changes (
    id                 bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    customer_id        bigint        NOT NULL REFERENCES customers (id),
    opt_in             bit           NOT NULL,
    source             nvarchar(20)  NOT NULL CHECK (source IN ('api', 'import', 'console', 'unsubscribe', 'erasure')),
    email_campaign_id  bigint        NULL,
    changed_at         datetime2(3)  NOT NULL
);
CREATE INDEX ix_consent_changes_customer ON consent_changes (customer_id, id);
CREATE INDEX ix_consent_changes_campaign ON consent_changes (email_campaign_id) WHERE email_campaign_id IS NOT NULL;

-- What respondents and unsubscribers are shown about privacy: the policy's address and the consent text per language.
CREATE TABLE consent_settings (
    name        nvarchar(100)  NOT NULL PRIMARY KEY,
    value       nvarchar(max)  NOT NULL,
    updated_at  datetime2(3)   NOT NULL
);
