-- Signed webhooks. An account's endpoints, and the durable outbox: one delivery row per (event,
-- endpoint), written in the same transaction as what raised the event (a job's terminal state), then
-- sent by whichever silo leases it first. Secrets are stored encrypted (SecretProtector), never plain.
CREATE TABLE IF NOT EXISTS ideogram_webhook_endpoints (
    endpoint_id BIGINT NOT NULL AUTO_INCREMENT,
    account_id VARCHAR(64) NOT NULL,
    url VARCHAR(2048) NOT NULL,
    event_types VARCHAR(512) NOT NULL,
    enabled TINYINT(1) NOT NULL DEFAULT 1,
    disabled_reason VARCHAR(255) NULL,
    secret VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    previous_secret VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
    previous_secret_until DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (endpoint_id),
    KEY idx_webhook_endpoints_account (account_id, endpoint_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ideogram_webhook_deliveries (
    delivery_id BIGINT NOT NULL AUTO_INCREMENT,
    message_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    endpoint_id BIGINT NOT NULL,
    account_id VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    job_id BIGINT NULL,
    target_url VARCHAR(2048) NULL,
    payload JSON NOT NULL,
    status ENUM('pending', 'delivered', 'failed') NOT NULL DEFAULT 'pending',
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL,
    retry_until DATETIME(3) NOT NULL,
    lease_owner VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    lease_until DATETIME(3) NULL,
    last_status_code INT NULL,
    last_error VARCHAR(1000) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    delivered_at DATETIME(3) NULL,
    PRIMARY KEY (delivery_id),
    KEY idx_webhook_deliveries_due (status, next_attempt_at),
    KEY idx_webhook_deliveries_endpoint (endpoint_id, delivery_id),
    KEY idx_webhook_deliveries_lease (lease_owner)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
