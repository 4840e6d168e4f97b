-- All timestamps are UTC (quarkus.hibernate-orm.jdbc.timezone=UTC).

CREATE TABLE bot_user (
    telegram_user_id BIGINT       NOT NULL PRIMARY KEY,
    language_code    VARCHAR(16)  NULL,
    first_seen_at    DATETIME(6)  NOT NULL,
    last_seen_at     DATETIME(6)  NOT NULL,
    -- Set when Telegram says the user blocked the bot (403 or my_chat_member); nothing is sent while set.
    blocked_at       DATETIME(6)  NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every update Telegram delivered, keyed by its id: recorded before it is confirmed, so a crash
-- loses nothing and a redelivery is recognised. The payload is cleared once handled.
CREATE TABLE inbox_update (
    update_id       BIGINT       NOT NULL PRIMARY KEY,
    chat_id         BIGINT       NOT NULL,
    payload         MEDIUMTEXT   NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    received_at     DATETIME(6)  NOT NULL,
    handled_at      DATETIME(6)  NULL,
    last_error      VARCHAR(255) NULL,
    INDEX ix_inbox_update_lane (status, chat_id, update_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every message the bot sends, written in the same transaction as the state change that caused it.
CREATE TABLE outbox_message (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    chat_id             BIGINT       NOT NULL,
    kind                VARCHAR(32)  NOT NULL,
    payload             MEDIUMTEXT   NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    not_before          DATETIME(6)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    sent_at             DATETIME(6)  NULL,
    telegram_message_id BIGINT       NULL,
    last_error          VARCHAR(255) NULL,
    INDEX ix_outbox_message_lane (status, chat_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
