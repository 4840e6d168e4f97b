-- Conditions a clinician set when clearing a paused plan (movements ruled out for now, and until when).
-- One row per person: editing replaces it, clearing deletes it.
CREATE TABLE clearance_conditions (
    telegram_user_id BIGINT       NOT NULL PRIMARY KEY,
    restrictions     VARCHAR(200) NOT NULL,
    until_date       DATE         NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
