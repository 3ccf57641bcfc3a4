-- What each job ran with (the job-app specification's table, as declared there), so any job can be
-- regenerated exactly or with changes.
CREATE TABLE IF NOT EXISTS ssnews_job_execution_settings (
    execution_id INT AUTO_INCREMENT PRIMARY KEY,
    job_id INT NOT NULL,
    config_id INT NOT NULL,
    user_overrides JSON,
    final_settings JSON NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE,
    FOREIGN KEY (config_id) REFERENCES ssnews_job_configurations (config_id) ON DELETE CASCADE,
    INDEX idx_job_id (job_id),
    INDEX idx_config_id (config_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
