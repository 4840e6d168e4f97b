-- The morning check-in: one row per person and local day, written answer by answer
-- (a check-in left half-way keeps what was said; a second one the same day revises it).
CREATE TABLE daily_checkin (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    local_date       DATE         NOT NULL,
    pain             INT          NULL,
    stiffness        VARCHAR(8)   NULL,
    confidence       INT          NULL,
    sleep_quality    VARCHAR(8)   NULL,
    yesterday        VARCHAR(8)   NULL,
    day_type         VARCHAR(16)  NULL,
    completed_at     DATETIME(6)  NULL,
    updated_at       DATETIME(6)  NOT NULL,
    UNIQUE KEY uq_daily_checkin_day (telegram_user_id, local_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The day's plan, the reasons for it, and how the session went.
CREATE TABLE daily_plan (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    local_date       DATE         NOT NULL,
    version          VARCHAR(16)  NOT NULL,
    shape            VARCHAR(24)  NOT NULL,
    step             INT          NOT NULL,
    relief_focus     BOOLEAN      NOT NULL,
    demanding        BOOLEAN      NOT NULL,
    settled          BOOLEAN      NOT NULL,
    progressed       BOOLEAN      NOT NULL,
    items            TEXT         NOT NULL,
    reasons          TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    pain_during      INT          NULL,
    effort           VARCHAR(16)  NULL,
    feeling          VARCHAR(16)  NULL,
    outcomes         TEXT         NULL,
    message_id       BIGINT       NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    UNIQUE KEY uq_daily_plan_day (telegram_user_id, local_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A guided session in progress: which exercise and set, so a restart resumes it.
CREATE TABLE guided_session (
    telegram_user_id BIGINT       NOT NULL PRIMARY KEY,
    plan_id          BIGINT       NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    item_index       INT          NOT NULL,
    set_index        INT          NOT NULL,
    message_id       BIGINT       NULL,
    started_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
