-- Orleans membership (clustering) for Orleans 10.4.2: one version row per cluster, one row per silo incarnation.
-- Includes the atomic-write semantics of the 10.4-era upstream migration; no MetadataJson (10.4.2 does not send it).
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Timestamp TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    Version INT NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Address VARCHAR(45) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Port INT NOT NULL,
    Generation INT NOT NULL,
    SiloName VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    HostName VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Status INT NOT NULL,
    ProxyPort INT NULL,
    SuspectTimes VARCHAR(8000) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    StartTime DATETIME(3) NOT NULL,
    IAmAliveTime DATETIME(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DROP PROCEDURE IF EXISTS InsertMembershipKey;

DELIMITER $$
-- Adds a silo row only if the table version is still the one the silo read, bumping the version
-- in the same transaction; returns the rows inserted (0 means a concurrent change won).
CREATE PROCEDURE InsertMembershipKey(
    IN _DeploymentId VARCHAR(150) CHARACTER SET utf8mb4,
    IN _Address VARCHAR(45) CHARACTER SET utf8mb4,
    IN _Port INT,
    IN _Generation INT,
    IN _Version INT,
    IN _SiloName VARCHAR(150) CHARACTER SET utf8mb4,
    IN _HostName VARCHAR(150) CHARACTER SET utf8mb4,
    IN _Status INT,
    IN _ProxyPort INT,
    IN _StartTime DATETIME(3),
    IN _IAmAliveTime DATETIME(3)
)
BEGIN
    DECLARE _RowCount INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1
    WHERE DeploymentId = _DeploymentId AND _DeploymentId IS NOT NULL
        AND Version = _Version AND _Version IS NOT NULL AND Version < 2147483647;
    SET _RowCount = ROW_COUNT();

    IF _RowCount > 0 THEN
        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        SELECT _DeploymentId, _Address, _Port, _Generation, _SiloName, _HostName, _Status, COALESCE(_ProxyPort, 0),
            _StartTime, _IAmAliveTime
        FROM DUAL
        WHERE NOT EXISTS (
            SELECT 1 FROM OrleansMembershipTable
            WHERE DeploymentId = _DeploymentId AND Address = _Address AND Port = _Port AND Generation = _Generation);
        SET _RowCount = ROW_COUNT();
    END IF;

    IF _RowCount = 0 THEN
        ROLLBACK;
    ELSE
        COMMIT;
    END IF;

    SELECT _RowCount;
END$$
DELIMITER ;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', '
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL
        AND Address = @Address AND @Address IS NOT NULL
        AND Port = @Port AND @Port IS NOT NULL
        AND Generation = @Generation AND @Generation IS NOT NULL;
'),
('InsertMembershipVersionKey', '
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    SELECT @DeploymentId FROM DUAL
    WHERE @DeploymentId IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId);
    SELECT ROW_COUNT();
'),
('InsertMembershipKey', '
    CALL InsertMembershipKey(@DeploymentId, @Address, @Port, @Generation, @Version, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime);
'),
('UpdateMembershipKey', '
    UPDATE OrleansMembershipVersionTable v
    INNER JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
    SET v.Version = v.Version + 1,
        m.Status = @Status,
        m.SuspectTimes = @SuspectTimes,
        m.IAmAliveTime = GREATEST(m.IAmAliveTime, @IAmAliveTime)
    WHERE v.DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL
        AND v.Version = @Version AND @Version IS NOT NULL AND v.Version < 2147483647
        AND m.Address = @Address AND @Address IS NOT NULL
        AND m.Port = @Port AND @Port IS NOT NULL
        AND m.Generation = @Generation AND @Generation IS NOT NULL;
    SELECT ROW_COUNT() > 0;
'),
('GatewaysQueryKey', '
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL
        AND Status = @Status AND @Status IS NOT NULL
        AND ProxyPort > 0;
'),
('MembershipReadRowKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
        AND m.Address = @Address AND @Address IS NOT NULL
        AND m.Port = @Port AND @Port IS NOT NULL
        AND m.Generation = @Generation AND @Generation IS NOT NULL
    WHERE v.DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL;
'),
('MembershipReadAllKey', '
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable v
    LEFT OUTER JOIN OrleansMembershipTable m ON v.DeploymentId = m.DeploymentId
    WHERE v.DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL;
'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL;
'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND @DeploymentId IS NOT NULL
        AND IAmAliveTime < @IAmAliveTime
        AND StartTime < @IAmAliveTime
        AND COALESCE(SuspectTimes, '''') = ''''
        AND Status = 6;
'),
('CleanupDefunctSiloEntryKey', '
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = 6
        AND Address = @Address AND Port = @Port AND Generation = @Generation
        AND IAmAliveTime = @IAmAliveTime AND StartTime = @StartTime
        AND CAST(COALESCE(SuspectTimes, '''') AS BINARY) = CAST(COALESCE(@SuspectTimes, '''') AS BINARY);
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
