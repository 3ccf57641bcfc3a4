-- An account's brand library: named style codes, colour palettes and style reference images that
-- runs and job-type defaults name as "brand:<id>". Image bytes live once per account in
-- ideogram_brand_images (keyed by their SHA-256), whatever number of assets point at them.
CREATE TABLE IF NOT EXISTS ideogram_brand_images (
    account_id VARCHAR(64) NOT NULL,
    sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    content_type VARCHAR(64) NOT NULL,
    content MEDIUMBLOB NOT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (account_id, sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ideogram_brand_assets (
    asset_id BIGINT NOT NULL AUTO_INCREMENT,
    account_id VARCHAR(64) NOT NULL,
    kind ENUM('style_codes', 'palette', 'style_reference') NOT NULL,
    name VARCHAR(100) NOT NULL,
    value JSON NULL,
    image_sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
    file_name VARCHAR(255) NULL,
    byte_count INT NULL,
    created_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at DATETIME(3) NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    PRIMARY KEY (asset_id),
    UNIQUE KEY uq_brand_assets_account_kind_name (account_id, kind, name),
    KEY idx_brand_assets_account_image (account_id, image_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
