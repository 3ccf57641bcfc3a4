-- The c360req tables as the older content system leaves them (its newest state), created only when
-- missing: on the live database this changes nothing; on a development or test database it gives
-- the service the tables it integrates with. Older variants are brought forward by later migrations.
CREATE TABLE IF NOT EXISTS ssnews_organizations (
    organization_id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL UNIQUE,
    is_active BOOLEAN DEFAULT TRUE,
    settings JSON NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_accounts (
    account_id VARCHAR(36) NOT NULL PRIMARY KEY,
    organization_id VARCHAR(36) NOT NULL,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    is_active BOOLEAN DEFAULT TRUE,
    settings JSON NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY unique_org_account_slug (organization_id, slug),
    CONSTRAINT fk_accounts_organization FOREIGN KEY (organization_id)
        REFERENCES ssnews_organizations (organization_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_jobs (
    job_id INT AUTO_INCREMENT PRIMARY KEY,
    organization_id VARCHAR(64) NULL,
    account_id VARCHAR(64) NULL,
    job_type ENUM('content_generation','full_cycle','news_aggregation','ai_analysis','url_analysis') NOT NULL,
    status ENUM('queued','processing','completed','failed','cancelled') DEFAULT 'queued',
    priority INT DEFAULT 0,
    payload JSON NULL,
    results JSON NULL,
    error_message TEXT NULL,
    progress_percentage INT DEFAULT 0,
    progress_details TEXT NULL,
    worker_id VARCHAR(100) NULL,
    retry_count INT DEFAULT 0,
    max_retries INT DEFAULT 3,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    started_at TIMESTAMP NULL,
    completed_at TIMESTAMP NULL,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    created_by VARCHAR(100) DEFAULT 'system',
    INDEX idx_status (status),
    INDEX idx_job_type (job_type),
    INDEX idx_priority_created (priority DESC, created_at ASC),
    INDEX idx_created_at (created_at),
    INDEX idx_worker_id (worker_id),
    INDEX idx_account_id (account_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_system_logs (
    log_id INT AUTO_INCREMENT PRIMARY KEY,
    timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    level ENUM('info','warn','error','debug') NOT NULL DEFAULT 'info',
    message TEXT NOT NULL,
    source VARCHAR(100) DEFAULT 'server',
    metadata JSON NULL,
    job_id INT NULL,
    account_id VARCHAR(64) NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    INDEX idx_timestamp (timestamp),
    INDEX idx_level (level),
    INDEX idx_source (source),
    INDEX idx_job_id (job_id),
    INDEX idx_account_id (account_id),
    CONSTRAINT fk_system_logs_job FOREIGN KEY (job_id) REFERENCES ssnews_jobs (job_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_prompt_configuration (
    config_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NULL,
    prompt_category VARCHAR(50) NOT NULL,
    display_name VARCHAR(100) NOT NULL,
    storage_schema JSON NOT NULL,
    ui_config JSON NOT NULL,
    generation_config JSON NULL,
    is_active BOOLEAN DEFAULT TRUE,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    UNIQUE KEY unique_account_category (account_id, prompt_category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only the columns the content table's foreign key needs; the older system owns the rest.
CREATE TABLE IF NOT EXISTS ssnews_generated_articles (
    gen_article_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NULL,
    title VARCHAR(512) NULL,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_generated_content (
    content_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NULL,
    based_on_gen_article_id INT NOT NULL,
    prompt_category VARCHAR(100) NOT NULL,
    content_data JSON NOT NULL,
    metadata JSON NULL,
    status ENUM('draft','approved','rejected','archived') DEFAULT 'draft',
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    CONSTRAINT fk_generated_content_article FOREIGN KEY (based_on_gen_article_id)
        REFERENCES ssnews_generated_articles (gen_article_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS ssnews_image_assets (
    image_id INT AUTO_INCREMENT PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    associated_content_type ENUM('gen_article','gen_social_post') NOT NULL,
    associated_content_id INT NOT NULL,
    source_api ENUM('pexels','sirv_upload','eden_library','ideogram') NOT NULL,
    source_image_id_external VARCHAR(255) NULL,
    sirv_cdn_url VARCHAR(512) NOT NULL,
    alt_text_suggestion_ai VARCHAR(255) NULL,
    status ENUM('pending_review','approved','rejected','archived') NOT NULL DEFAULT 'pending_review',
    generation_metadata JSON NULL,
    uploaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY unique_account_url (account_id, sirv_cdn_url)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
