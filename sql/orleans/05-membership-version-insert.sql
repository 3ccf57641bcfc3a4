-- Silos that start together each ask to create their cluster's version row. The INSERT ... SELECT ...
-- WHERE NOT EXISTS of 02 takes a shared gap lock in the NOT EXISTS and then asks for an insert lock in
-- the same gap, so two such silos deadlock and one of them fails to start. INSERT IGNORE on the primary
-- key only waits for the other's row, and ROW_COUNT() still says whether this call created it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    INSERT IGNORE INTO OrleansMembershipVersionTable (DeploymentId)
    SELECT @DeploymentId FROM DUAL
    WHERE @DeploymentId IS NOT NULL;
    SELECT ROW_COUNT();
')
ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText);
