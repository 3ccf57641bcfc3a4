-- Jobs' own webhookUrls without a registered endpoint. Each account has one default signing secret
-- (created on first need, encrypted by SecretProtector under webhook-signing-secret:{account_id}),
-- with the secret before its last rotation and until when that one still signs beside it. A delivery
-- to a job's own webhookUrl has no endpoint (endpoint_id NULL) and is signed with this secret; its log
-- is read per account, hence the index.
CREATE TABLE IF NOT EXISTS ideogram_webhook_signing_secrets (
    account_id VARCHAR(64) NOT NULL,
    secret VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    previous_secret VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL,
    previous_secret_until DATETIME(3) NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    rotated_at DATETIME(3) NULL,
    PRIMARY KEY (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE ideogram_webhook_deliveries MODIFY COLUMN endpoint_id BIGINT NULL;

CREATE INDEX IF NOT EXISTS idx_webhook_deliveries_account_endpoint ON ideogram_webhook_deliveries (account_id, endpoint_id, delivery_id);
