-- The sandbox web chat's transcript (only written without BOT_TOKEN), so a restart shows the recent
-- conversation again. Kept 7 days, like the outbox; erased with the rest on /delete.
CREATE TABLE sandbox_message (
    message_id  BIGINT       NOT NULL PRIMARY KEY,
    chat_id     BIGINT       NOT NULL,
    content     MEDIUMTEXT   NOT NULL,
    file_id     VARCHAR(64)  NULL,
    file_bytes  MEDIUMBLOB   NULL,
    file_type   VARCHAR(255) NULL,
    file_name   VARCHAR(255) NULL,
    created_at  DATETIME(6)  NOT NULL,
    INDEX ix_sandbox_message_chat (chat_id, message_id),
    INDEX ix_sandbox_message_file (file_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A digest of each update's content: an id seen again with other content is a new update (the Bot
-- API numbered afresh), not a redelivery. Cleared with the chat on /delete.
ALTER TABLE inbox_update ADD COLUMN fingerprint CHAR(64) NULL;
