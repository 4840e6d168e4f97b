-- Three tiers of red flags: DOCTOR_TODAY joins CLEAR, REFER and URGENT in safety_screen.outcome.
-- Where a screen came from (onboarding, weekly recheck, a guided session, free text, a leg question),
-- and the first of the two steps that lift a pause after an emergency or a same-day referral.
ALTER TABLE safety_screen ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'onboarding';
ALTER TABLE safety_screen ADD COLUMN clearance_asked_at DATETIME(6) NULL;

-- How the leg is the morning after a session sent symptoms into it (asked before anything else).
ALTER TABLE daily_checkin ADD COLUMN leg VARCHAR(16) NULL;

-- Advice to see a clinician when pain stays severe or does not improve: reason and when, so it is
-- given once and not every morning.
CREATE TABLE safety_escalation (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    reason           VARCHAR(32)  NOT NULL,
    advised_at       DATETIME(6)  NOT NULL,
    INDEX ix_safety_escalation_user (telegram_user_id, advised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
