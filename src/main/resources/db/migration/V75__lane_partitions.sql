-- Handling spreads over instances: chats fall into a fixed number of partitions (chat id modulo the
-- count), and each partition is leased to one instance at a time, like dispatch_lease (holder,
-- epoch, expiry, renewed in ordinary transactions, so a Galera cluster certifies a take-over across
-- nodes). Rows are created by the instances (INSERT IGNORE), one per partition.
CREATE TABLE lane_partition (
    part       INT          NOT NULL PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The instances that handle updates now (one row each, renewed with the partitions): how many share
-- the partitions, so each takes its fair part and a newcomer gets some.
CREATE TABLE lane_member (
    holder     VARCHAR(128) NOT NULL PRIMARY KEY,
    expires_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which instance handled an update (kept with the id): shows how handling spreads.
ALTER TABLE inbox_update ADD COLUMN handled_by VARCHAR(128) NULL;
