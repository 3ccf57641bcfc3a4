-- The character reference image a job was submitted with (Ideogram takes exactly one), kept with
-- the job so that any silo can run, retry or regenerate it. Deleted with its job.
CREATE TABLE IF NOT EXISTS ssnews_job_character_references (
    job_id INT NOT NULL,
    file_name VARCHAR(255) NOT NULL,
    content_type VARCHAR(64) NOT NULL,
    sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content MEDIUMBLOB NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (job_id),
    CONSTRAINT fk_job_character_references_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
