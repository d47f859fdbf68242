-- Consent: every change of a customer's email_opt_in with when, why (its source) and, for an unsubscribe, the email
-- campaign whose link was used. Rows are only added, so the history is the proof of consent a data request reads.
CREATE TABLE consent_changes (
    id                 INTEGER PRIMARY KEY,
    customer_id        INTEGER NOT NULL REFERENCES customers (id),
    opt_in             INTEGER NOT NULL CHECK (opt_in IN (0, 1)),
    source             TEXT    NOT NULL CHECK (source IN ('api', 'import', 'console', 'unsubscribe', 'erasure')),
    email_campaign_id  INTEGER NULL,
    changed_at         TEXT    NOT NULL
);
CREATE INDEX ix_consent_changes_customer ON consent_changes (customer_id, id);
CREATE INDEX ix_consent_changes_campaign ON consent_changes (email_campaign_id) WHERE email_campaign_id IS NOT NULL;

-- What respondents and unsubscribers are shown about privacy: the policy's address and the consent text per language.
CREATE TABLE consent_settings (
    name        TEXT NOT NULL PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
