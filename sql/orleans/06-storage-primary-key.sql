-- A primary key on OrleansStorage, the one Orleans table without one: MySQL servers with
-- sql_require_primary_key=ON (common on managed MySQL) refuse tables without a primary key, and
-- replication needs one to apply row changes efficiently. The natural key (service, state name, grain id,
-- extension) is too wide for an InnoDB index in utf8mb4, so the key is a surrogate the queries never name.
-- Added only when the table has no primary key: databases created by 03 since it gained the same column
-- already have it. MySQL 8 has no ADD COLUMN IF NOT EXISTS, hence the check in a procedure.
DROP PROCEDURE IF EXISTS IdeogramJobsAddStoragePrimaryKey;

DELIMITER $$
CREATE PROCEDURE IdeogramJobsAddStoragePrimaryKey()
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM information_schema.TABLE_CONSTRAINTS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'OrleansStorage' AND CONSTRAINT_TYPE = 'PRIMARY KEY'
    ) THEN
        ALTER TABLE OrleansStorage ADD COLUMN StorageId BIGINT NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (StorageId);
    END IF;
END$$
DELIMITER ;

CALL IdeogramJobsAddStoragePrimaryKey();

DROP PROCEDURE IdeogramJobsAddStoragePrimaryKey;
