-- What set-up asks: when and how the person wants to be coached. One row per person.
CREATE TABLE user_profile (
    telegram_user_id  BIGINT       NOT NULL PRIMARY KEY,
    time_zone         VARCHAR(64)  NOT NULL,
    checkin_time      TIME         NOT NULL,
    work_days         VARCHAR(16)  NOT NULL,
    work_start        TIME         NULL,
    work_end          TIME         NULL,
    reminder_minutes  INT          NOT NULL,
    quiet_start       TIME         NOT NULL,
    quiet_end         TIME         NOT NULL,
    phase             VARCHAR(16)  NOT NULL,
    equipment         VARCHAR(16)  NOT NULL,
    session_minutes   INT          NOT NULL,
    updated_at        DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
