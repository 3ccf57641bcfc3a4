-- An organisation's own Ideogram key (bring your own key): the key encrypted by SecretProtector under
-- the purpose organisation-ideogram-key:{organization_id}, never in plaintext; its last four characters
-- and when it was set, for admins to recognise it; the in-flight image limit Ideogram gives it; and,
-- once Ideogram refused it (401/403), when and why, until it is replaced. A row may hold a limit without a key.
CREATE TABLE IF NOT EXISTS ideogram_organization_keys (
    organization_id VARCHAR(64) NOT NULL,
    encrypted_key TEXT CHARACTER SET ascii COLLATE ascii_bin NULL,
    last_four VARCHAR(4) NULL,
    set_at DATETIME(3) NULL,
    max_inflight_images INT NOT NULL DEFAULT 10,
    refused_at DATETIME(3) NULL,
    refused_reason VARCHAR(500) NULL,
    updated_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
