-- Deep-link payload of the first /start (a clinic or campaign code): kept for attribution only,
-- never trusted as an identity.
ALTER TABLE bot_user ADD COLUMN start_payload VARCHAR(64) NULL;

-- When the person told us a clinician cleared them to exercise after a red flag.
ALTER TABLE safety_screen ADD COLUMN cleared_at DATETIME(6) NULL;
