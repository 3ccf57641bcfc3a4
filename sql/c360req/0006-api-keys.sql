-- Per-account API keys. Only a SHA-256 hash of each key is stored (keys are 256-bit random, so a
-- fast hash is enough); the prefix lets people recognise a key in lists without revealing it.
CREATE TABLE IF NOT EXISTS ssnews_api_keys (
    key_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    name VARCHAR(100) NOT NULL,
    key_prefix VARCHAR(16) NOT NULL,
    key_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    last_used_at TIMESTAMP NULL,
    revoked_at TIMESTAMP NULL,
    UNIQUE KEY unique_key_hash (key_hash),
    INDEX idx_api_keys_account (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
