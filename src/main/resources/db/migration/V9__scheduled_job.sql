-- Everything that is due later, per person and kind: the morning prompt, its nudge, the next
-- reminder, a snoozed reminder. Times are UTC, computed from the person's local time. Instances
-- claim due rows with SELECT ... FOR UPDATE SKIP LOCKED and a short lease, so several can share
-- the work without doubles, and a crashed instance's claims run again when the lease ends.
CREATE TABLE scheduled_job (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    due_at           DATETIME(6)  NOT NULL,
    local_date       DATE         NOT NULL,
    claimed_by       VARCHAR(64)  NULL,
    claimed_until    DATETIME(6)  NULL,
    updated_at       DATETIME(6)  NOT NULL,
    UNIQUE KEY uq_scheduled_job (telegram_user_id, kind),
    INDEX ix_scheduled_job_due (due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Completion taps on reminders and short routines, for the weekly picture.
CREATE TABLE routine_log (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    local_date       DATE         NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    detail           VARCHAR(64)  NULL,
    message_id       BIGINT       NULL,
    logged_at        DATETIME(6)  NOT NULL,
    INDEX ix_routine_log_user (telegram_user_id, local_date),
    -- One answer per message: a double tap is logged once.
    UNIQUE KEY uq_routine_log_message (telegram_user_id, message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
