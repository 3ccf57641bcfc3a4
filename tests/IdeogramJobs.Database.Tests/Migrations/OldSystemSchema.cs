namespace IdeogramJobs.Database.Tests.Migrations;

/// <summary>
/// The c360req tables as an older database has them (the "earlier" state of each drifted table),
/// with rows written by the older system in every table the migrations touch.
/// </summary>
public static class OldSystemSchema
{
    public const string Tables = """
        CREATE TABLE ssnews_organizations (
            organization_id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, slug VARCHAR(255) NOT NULL UNIQUE,
            is_active BOOLEAN DEFAULT TRUE, settings JSON NULL,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
        CREATE TABLE ssnews_accounts (
            account_id VARCHAR(36) NOT NULL PRIMARY KEY, organization_id VARCHAR(36) NOT NULL, name VARCHAR(255) NOT NULL,
            slug VARCHAR(255) NOT NULL, is_active BOOLEAN DEFAULT TRUE, settings JSON NULL,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
            UNIQUE KEY unique_org_account_slug (organization_id, slug),
            FOREIGN KEY (organization_id) REFERENCES ssnews_organizations (organization_id) ON DELETE CASCADE);
        CREATE TABLE ssnews_jobs (
            job_id INT AUTO_INCREMENT PRIMARY KEY, organization_id VARCHAR(64) NULL, account_id VARCHAR(64) NULL,
            job_type ENUM('content_generation','full_cycle','news_aggregation','ai_analysis','url_analysis') NOT NULL,
            status ENUM('queued','processing','completed','failed','cancelled') DEFAULT 'queued', priority INT DEFAULT 0,
            payload JSON NULL, results JSON NULL, error_message TEXT NULL, progress_percentage INT DEFAULT 0,
            progress_details TEXT NULL, worker_id VARCHAR(100) NULL, retry_count INT DEFAULT 0, max_retries INT DEFAULT 3,
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, started_at TIMESTAMP NULL, completed_at TIMESTAMP NULL,
            updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP, created_by VARCHAR(100) DEFAULT 'system',
            INDEX idx_status (status), INDEX idx_account_id (account_id));
        CREATE TABLE ssnews_system_logs (
            log_id INT AUTO_INCREMENT PRIMARY KEY, timestamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            level ENUM('info','warn','error','debug') NOT NULL DEFAULT 'info', message TEXT NOT NULL,
            source VARCHAR(100) DEFAULT 'server', metadata JSON NULL, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE ssnews_generated_articles (gen_article_id INT AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64), title VARCHAR(512));
        CREATE TABLE ssnews_generated_content (
            content_id INT AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64), based_on_gen_article_id INT NOT NULL,
            prompt_category VARCHAR(50) NOT NULL, content_data JSON NOT NULL, metadata JSON NULL,
            status ENUM('draft','approved','rejected','archived') DEFAULT 'draft',
            FOREIGN KEY (based_on_gen_article_id) REFERENCES ssnews_generated_articles (gen_article_id) ON DELETE CASCADE);
        CREATE TABLE ssnews_prompt_configuration (
            config_id INT AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64), prompt_category VARCHAR(50) NOT NULL,
            display_name VARCHAR(100) NOT NULL, storage_schema JSON NOT NULL, ui_config JSON NOT NULL, generation_config JSON NULL,
            is_active BOOLEAN DEFAULT TRUE, UNIQUE KEY (account_id, prompt_category));
        """;

    public const string ImageAssetsWithStatus = """
        CREATE TABLE ssnews_image_assets (
            image_id INT AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64) NOT NULL,
            associated_content_type ENUM('gen_article','gen_social_post') NOT NULL, associated_content_id INT NOT NULL,
            source_api ENUM('pexels','sirv_upload','eden_library','ideogram') NOT NULL, source_image_id_external VARCHAR(255) NULL,
            sirv_cdn_url VARCHAR(512) NOT NULL, alt_text_suggestion_ai VARCHAR(255) NULL,
            status ENUM('pending_review','approved','rejected','archived') NOT NULL DEFAULT 'pending_review',
            generation_metadata JSON NULL, uploaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            UNIQUE KEY unique_account_url (account_id, sirv_cdn_url));
        INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, source_image_id_external, sirv_cdn_url, alt_text_suggestion_ai, status, generation_metadata)
        VALUES ('acc-old', 'gen_article', 1, 'pexels', 'px-9', 'https://old.sirv.com/a.jpg', 'A church', 'approved', NULL),
               ('acc-old', 'gen_social_post', 2, 'ideogram', NULL, 'https://old.sirv.com/b.png', NULL, 'rejected', '{"styleCodes": ["AB12CD34"]}');
        """;

    public const string ImageAssetsWithApprovalFlag = """
        CREATE TABLE ssnews_image_assets (
            image_id INT AUTO_INCREMENT PRIMARY KEY, account_id VARCHAR(64) NOT NULL,
            associated_content_type ENUM('gen_article','gen_social_post') NOT NULL, associated_content_id INT NOT NULL,
            source_api ENUM('pexels','sirv_upload','eden_library','ideogram') NOT NULL, source_image_id_external VARCHAR(255) NULL,
            sirv_cdn_url VARCHAR(512) NOT NULL, alt_text_suggestion_ai VARCHAR(255) NULL,
            is_approved_human BOOLEAN DEFAULT FALSE,
            uploaded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            UNIQUE KEY unique_account_url (account_id, sirv_cdn_url));
        INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, source_image_id_external, sirv_cdn_url, alt_text_suggestion_ai, is_approved_human)
        VALUES ('acc-old', 'gen_article', 1, 'pexels', 'px-9', 'https://old.sirv.com/a.jpg', 'A church', TRUE),
               ('acc-old', 'gen_social_post', 2, 'eden_library', NULL, 'https://old.sirv.com/b.png', NULL, FALSE);
        """;

    public const string Rows = """
        INSERT INTO ssnews_organizations (organization_id, name, slug, settings) VALUES ('org-old', 'Old Org', 'old-org', '{"theme": "dark"}');
        INSERT INTO ssnews_accounts (account_id, organization_id, name, slug, is_active) VALUES ('acc-old', 'org-old', 'Old Account', 'old', FALSE);
        INSERT INTO ssnews_jobs (organization_id, account_id, job_type, status, priority, payload, results, error_message, progress_percentage, worker_id, retry_count, created_by)
        VALUES ('org-old', 'acc-old', 'content_generation', 'queued', 5, '{"a": 1}', NULL, NULL, 0, NULL, 0, 'system'),
               ('org-old', 'acc-old', 'full_cycle', 'processing', 0, NULL, NULL, NULL, 40, 'worker-7', 1, 'cron'),
               ('org-old', 'acc-old', 'news_aggregation', 'completed', 1, NULL, '{"ok": true}', NULL, 100, 'worker-2', 0, 'system'),
               ('org-old', 'acc-old', 'ai_analysis', 'failed', 0, NULL, NULL, 'boom', 10, 'worker-1', 3, 'system'),
               (NULL, NULL, 'url_analysis', 'cancelled', -1, NULL, NULL, NULL, 0, NULL, 0, 'user');
        INSERT INTO ssnews_system_logs (level, message, source, metadata) VALUES ('info', 'started', 'server', NULL), ('error', 'failed; retrying', 'worker', '{"job": 4}');
        INSERT INTO ssnews_generated_articles (account_id, title) VALUES ('acc-old', 'Hope');
        INSERT INTO ssnews_generated_content (account_id, based_on_gen_article_id, prompt_category, content_data, status) VALUES ('acc-old', 1, 'social', '{"text": "hi"}', 'approved');
        INSERT INTO ssnews_prompt_configuration (account_id, prompt_category, display_name, storage_schema, ui_config) VALUES ('acc-old', 'social', 'Social', '{}', '{}');
        """;

    public static readonly string[] TablesWithRows =
    [
        "ssnews_organizations", "ssnews_accounts", "ssnews_jobs", "ssnews_system_logs", "ssnews_generated_articles",
        "ssnews_generated_content", "ssnews_prompt_configuration", "ssnews_image_assets",
    ];
}
