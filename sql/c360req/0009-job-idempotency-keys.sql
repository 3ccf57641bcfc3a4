-- Which job a submission's idempotency key created, per account. Written in the same transaction
-- as the job, so a retried submission finds the first job instead of creating a second one. The
-- key is compared byte for byte (utf8mb4_bin): keys are opaque, "Abc" and "abc" are different keys.
CREATE TABLE IF NOT EXISTS ssnews_job_idempotency_keys (
    account_id VARCHAR(64) NOT NULL,
    idempotency_key VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    job_id INT NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (account_id, idempotency_key),
    INDEX idx_job_idempotency_keys_job (job_id),
    CONSTRAINT fk_job_idempotency_keys_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
