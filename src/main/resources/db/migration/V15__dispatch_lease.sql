-- Which instance talks to Telegram: a lease renewed in ordinary transactions, so it holds across a
-- Galera cluster (GET_LOCK is local to one node there). The epoch rises with every new holder, so a
-- deposed leader's work can be told apart from its successor's.
CREATE TABLE dispatch_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
