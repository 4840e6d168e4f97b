-- Where each person is in a dialogue (at most one at a time).
CREATE TABLE dialogue_state (
    telegram_user_id   BIGINT       NOT NULL PRIMARY KEY,
    dialogue           VARCHAR(16)  NOT NULL,
    definition_version INT          NOT NULL,
    step               VARCHAR(16)  NOT NULL,
    progress           TEXT         NOT NULL,
    message_id         BIGINT       NULL,
    started_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    expires_at         DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every consent decision, with the policy version it was about: given, declined, withdrawn.
CREATE TABLE consent_record (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    policy_version   VARCHAR(16)  NOT NULL,
    decision         VARCHAR(16)  NOT NULL,
    decided_at       DATETIME(6)  NOT NULL,
    INDEX ix_consent_record_user (telegram_user_id, decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Red-flag screens: the answers and what they meant (clear, refer to a clinician, urgent care).
CREATE TABLE safety_screen (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    answers          TEXT         NOT NULL,
    screened_at      DATETIME(6)  NOT NULL,
    INDEX ix_safety_screen_user (telegram_user_id, screened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
