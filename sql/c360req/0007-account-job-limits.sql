-- Per-account overrides of the admission limits; a NULL column means "use the service default".
CREATE TABLE IF NOT EXISTS ssnews_account_job_limits (
    account_id VARCHAR(64) NOT NULL PRIMARY KEY,
    jobs_per_minute INT NULL,
    jobs_per_day INT NULL,
    images_per_minute INT NULL,
    images_per_day INT NULL,
    daily_image_quota INT NULL,
    max_concurrent_jobs INT NULL,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
