-- Plans in pencil: every change the weekly review proposed, and what the person decided.
CREATE TABLE plan_change (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    proposed_at      DATETIME(6)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    reason           VARCHAR(64)  NOT NULL,
    decision         VARCHAR(16)  NOT NULL,
    chosen           VARCHAR(16)  NULL,
    decided_at       DATETIME(6)  NULL,
    INDEX ix_plan_change_user (telegram_user_id, proposed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
