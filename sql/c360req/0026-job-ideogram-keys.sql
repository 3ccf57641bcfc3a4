-- Which Ideogram key a job uses ('service', or 'org:{organization_id}'), pinned when it first asks for
-- capacity so every attempt uses the same key and the same capacity grain, and a capacity grain rebuilt
-- after a restart counts only its own key's jobs. No row means the service key (jobs from before this table).
CREATE TABLE IF NOT EXISTS ideogram_job_keys (
    job_id INT NOT NULL,
    key_identity VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    pinned_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (job_id),
    KEY idx_job_keys_identity (key_identity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
