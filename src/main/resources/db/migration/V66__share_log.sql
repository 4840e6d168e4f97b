-- Each report a person created with /share for their clinician: when, which days, which sections.
-- The report itself is not kept; it went to the person only.
CREATE TABLE share_log (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    period_from      DATE         NOT NULL,
    period_to        DATE         NOT NULL,
    sections         VARCHAR(500) NOT NULL,
    KEY ix_share_log_user (telegram_user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
