-- Submissions an account's limits refused, for the usage figures (rate-limit rejections per account
-- and time range). Times are UTC.
CREATE TABLE IF NOT EXISTS ssnews_job_admission_rejections (
    rejection_id BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    limit_name VARCHAR(64) NOT NULL,
    job_type_name VARCHAR(100) NULL,
    occurred_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    INDEX idx_admission_rejections_account_time (account_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
