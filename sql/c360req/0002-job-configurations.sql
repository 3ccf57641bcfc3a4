-- Job types per account (the job-app specification's table, as declared there).
CREATE TABLE IF NOT EXISTS ssnews_job_configurations (
    config_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    job_type_name VARCHAR(100) NOT NULL,
    display_name VARCHAR(255) NOT NULL,
    description TEXT,
    default_settings JSON NOT NULL,
    ui_schema JSON NOT NULL,
    is_active BOOLEAN DEFAULT TRUE,
    execution_order INT DEFAULT 999,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    INDEX idx_account_job_type (account_id, job_type_name),
    INDEX idx_active (is_active),
    UNIQUE KEY unique_account_job_type (account_id, job_type_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
