-- Orleans ADO.NET query catalogue: every provider reads its query texts from here at start.
-- Written for Orleans 10.4.2 (see shared reference orleans-adonet-mysql.md); runs on MySQL 8 and MariaDB 10.11.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    QueryText TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
