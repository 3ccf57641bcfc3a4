-- Orleans grain storage for Orleans 10.4.2. The payload is the serialised state (plain JSON with the
-- System.Text.Json serializer) in a LONGBLOB; the upstream BLOB caps state at 64 KiB.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    -- A surrogate primary key the queries never name (see 06, which adds it to tables created without it).
    StorageId BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    GrainIdHash INT NOT NULL,
    GrainIdN0 BIGINT NOT NULL,
    GrainIdN1 BIGINT NOT NULL,
    GrainTypeHash INT NOT NULL,
    GrainTypeString VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ServiceId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PayloadBinary LONGBLOB NULL,
    ModifiedOn DATETIME(3) NOT NULL,
    Version INT NULL,
    INDEX IX_OrleansStorage (GrainIdHash, GrainTypeHash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DROP PROCEDURE IF EXISTS WriteToStorage;

DELIMITER $$
-- Insert (expected version NULL, only when no row exists) or update (only when the version matches);
-- returns the new version, or the unchanged expected version on a conflict.
CREATE PROCEDURE WriteToStorage(
    IN _GrainIdHash INT,
    IN _GrainIdN0 BIGINT,
    IN _GrainIdN1 BIGINT,
    IN _GrainTypeHash INT,
    IN _GrainTypeString VARCHAR(512) CHARACTER SET utf8mb4,
    IN _GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4,
    IN _ServiceId VARCHAR(150) CHARACTER SET utf8mb4,
    IN _GrainStateVersion INT,
    IN _PayloadBinary LONGBLOB
)
BEGIN
    DECLARE _NewGrainStateVersion INT DEFAULT _GrainStateVersion;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    -- REPEATABLE READ would take gap locks on the insert path.
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
    START TRANSACTION;

    IF _GrainStateVersion IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = _PayloadBinary, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
        WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
            AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
            AND GrainTypeString = _GrainTypeString
            AND GrainIdExtensionString <=> _GrainIdExtensionString
            AND ServiceId = _ServiceId
            AND Version IS NOT NULL AND Version = _GrainStateVersion
        LIMIT 1;
        IF ROW_COUNT() > 0 THEN
            SET _NewGrainStateVersion = _GrainStateVersion + 1;
        END IF;
    ELSE
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId,
             PayloadBinary, ModifiedOn, Version)
        SELECT _GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString, _GrainIdExtensionString,
            _ServiceId, _PayloadBinary, UTC_TIMESTAMP(3), 1
        FROM DUAL
        WHERE NOT EXISTS (
            SELECT 1 FROM OrleansStorage
            WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
                AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
                AND GrainTypeString = _GrainTypeString
                AND GrainIdExtensionString <=> _GrainIdExtensionString
                AND ServiceId = _ServiceId);
        IF ROW_COUNT() > 0 THEN
            SET _NewGrainStateVersion = 1;
        END IF;
    END IF;

    SELECT _NewGrainStateVersion AS NewGrainStateVersion;
    COMMIT;
END$$
DELIMITER ;

DROP PROCEDURE IF EXISTS ClearStorage;

DELIMITER $$
-- Clears the payload (the row stays) where the version matches; returns the new version, or the old one on a conflict.
CREATE PROCEDURE ClearStorage(
    IN _GrainIdHash INT,
    IN _GrainIdN0 BIGINT,
    IN _GrainIdN1 BIGINT,
    IN _GrainTypeHash INT,
    IN _GrainTypeString VARCHAR(512) CHARACTER SET utf8mb4,
    IN _GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4,
    IN _ServiceId VARCHAR(150) CHARACTER SET utf8mb4,
    IN _GrainStateVersion INT
)
BEGIN
    DECLARE _NewGrainStateVersion INT DEFAULT _GrainStateVersion;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
    START TRANSACTION;

    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
    WHERE GrainIdHash = _GrainIdHash AND GrainTypeHash = _GrainTypeHash
        AND GrainIdN0 = _GrainIdN0 AND GrainIdN1 = _GrainIdN1
        AND GrainTypeString = _GrainTypeString
        AND GrainIdExtensionString <=> _GrainIdExtensionString
        AND ServiceId = _ServiceId
        AND Version IS NOT NULL AND Version = _GrainStateVersion AND _GrainStateVersion IS NOT NULL
    LIMIT 1;
    IF ROW_COUNT() > 0 THEN
        SET _NewGrainStateVersion = _GrainStateVersion + 1;
    END IF;

    SELECT _NewGrainStateVersion AS NewGrainStateVersion;
    COMMIT;
END$$
DELIMITER ;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString <=> @GrainIdExtensionString
        AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
    LIMIT 1;
'),
('WriteToStorageKey', '
    CALL WriteToStorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
'),
('ClearStorageKey', '
    CALL ClearStorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion);
'),
('DeleteStorageKey', '
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString <=> @GrainIdExtensionString
        AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
        AND Version IS NOT NULL AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    LIMIT 1;
    SELECT IF(ROW_COUNT() > 0, @GrainStateVersion + 1, @GrainStateVersion) AS NewGrainStateVersion;
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
