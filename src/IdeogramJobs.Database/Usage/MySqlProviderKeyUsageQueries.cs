using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Contracts.OrganisationKeys;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using MySqlConnector;

namespace IdeogramJobs.Database.Usage;

/// <summary>
/// <see cref="IProviderKeyUsageQueries"/> in one statement: the range's image jobs (by created_at, UTC) counted by
/// organisation, pinned key identity and status, with their stored images. A job with no pin never asked for capacity
/// and counts under the service key, as the engine treats it.
/// </summary>
public sealed class MySqlProviderKeyUsageQueries(C360ReqDatabase database) : IProviderKeyUsageQueries
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;

    public async Task<ProviderKeyUsageReport> GetAsync(DateTime from, DateTime to, string? organizationId, CancellationToken cancellationToken)
    {
        var ofOrganisation = organizationId is null ? string.Empty : "AND j.organization_id = @org";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // Grouping by the derived table's columns keeps the statement valid under ONLY_FULL_GROUP_BY.
        await using var select = new MySqlCommand($"""
            SELECT t.organization_id, t.key_identity, t.status, COUNT(*) AS jobs, COALESCE(SUM(t.image_count), 0) AS images
            FROM (
                SELECT COALESCE(j.organization_id, '') AS organization_id,
                       COALESCE(CONVERT(k.key_identity USING utf8mb4), @service) AS key_identity,
                       j.status,
                       (SELECT COUNT(*) FROM ssnews_image_assets i WHERE i.job_id = j.job_id) AS image_count
                FROM ssnews_jobs j
                LEFT JOIN ideogram_job_keys k ON k.job_id = j.job_id
                WHERE j.job_type = @jobType AND j.created_at >= @from AND j.created_at < @to {ofOrganisation}
            ) t
            GROUP BY t.organization_id, t.key_identity, t.status
            """, connection);
        select.Parameters.AddWithValue("service", ProviderKeyIdentity.Service);
        select.Parameters.AddWithValue("jobType", JobType);
        select.Parameters.AddWithValue("from", from);
        select.Parameters.AddWithValue("to", to);
        select.Parameters.AddWithValue("org", organizationId);

        var organisations = new Dictionary<string, (KeyUsageTally Totals, Dictionary<string, KeyUsageTally> ByKey)>(StringComparer.Ordinal);
        var identities = new Dictionary<string, (KeyUsageTally Totals, HashSet<string> Organisations)>(StringComparer.Ordinal);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var organisation = reader.GetString("organization_id");
            var identity = reader.GetString("key_identity");
            var status = reader.GetString("status").ToLowerInvariant();
            var jobs = Convert.ToInt32(reader.GetInt64("jobs"));
            var images = Convert.ToInt32(reader.GetDecimal("images"));

            if (!organisations.TryGetValue(organisation, out var ofOrganisationTally))
            {
                organisations[organisation] = ofOrganisationTally = (new KeyUsageTally(), new Dictionary<string, KeyUsageTally>(StringComparer.Ordinal));
            }

            ofOrganisationTally.Totals.Add(status, jobs, images);
            if (!ofOrganisationTally.ByKey.TryGetValue(identity, out var byKey))
            {
                ofOrganisationTally.ByKey[identity] = byKey = new KeyUsageTally();
            }

            byKey.Add(status, jobs, images);

            if (!identities.TryGetValue(identity, out var ofIdentity))
            {
                identities[identity] = ofIdentity = (new KeyUsageTally(), new HashSet<string>(StringComparer.Ordinal));
            }

            ofIdentity.Totals.Add(status, jobs, images);
            ofIdentity.Organisations.Add(organisation);
        }

        return new ProviderKeyUsageReport
        {
            From = from,
            To = to,
            OrganizationId = organizationId,
            Organisations =
            [
                .. organisations
                    .OrderByDescending(pair => pair.Value.Totals.Jobs).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new OrganisationUsage
                    {
                        OrganizationId = pair.Key,
                        Totals = pair.Value.Totals.ToFigures(),
                        ByKeyIdentity = pair.Value.ByKey.ToDictionary(key => key.Key, key => key.Value.ToFigures(), StringComparer.Ordinal),
                    }),
            ],
            KeyIdentities =
            [
                .. identities
                    .OrderByDescending(pair => pair.Value.Totals.Jobs).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => new KeyIdentityUsage
                    {
                        KeyIdentity = pair.Key,
                        Organisations = pair.Value.Organisations.Count,
                        Totals = pair.Value.Totals.ToFigures(),
                    }),
            ],
        };
    }
}
