-- A personal flare-up plan, written while the back is calm: one row per person. A row may hold only
-- when the plan was offered or last shown (written_at null) so it is offered once and shown once a day.
CREATE TABLE flare_plan (
    telegram_user_id BIGINT       NOT NULL PRIMARY KEY,
    positions        VARCHAR(64)  NULL,
    walking          VARCHAR(16)  NULL,
    breathing        VARCHAR(16)  NULL,
    avoid            VARCHAR(16)  NULL,
    note             VARCHAR(400) NULL,
    offered_at       DATETIME(6)  NULL,
    written_at       DATETIME(6)  NULL,
    shown_on         DATE         NULL,
    updated_at       DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
