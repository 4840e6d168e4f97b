-- Short lessons: which were offered after a check-in and which were read (at most one offer a day).
CREATE TABLE lesson_log (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    telegram_user_id BIGINT       NOT NULL,
    lesson           VARCHAR(16)  NOT NULL,
    offered_at       DATETIME(6)  NULL,
    read_at          DATETIME(6)  NULL,
    UNIQUE KEY uq_lesson_log (telegram_user_id, lesson)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
