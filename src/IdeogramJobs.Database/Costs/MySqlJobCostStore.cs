using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Costs;

public sealed class MySqlJobCostStore(C360ReqDatabase database) : IJobCostStore
{
    public async Task<JobCost?> ReadAsync(long jobId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"SELECT {JobCostColumns.Select} FROM ssnews_jobs j WHERE j.job_id = @job", connection);
        select.Parameters.AddWithValue("job", jobId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? JobCostColumns.Read(reader) : null;
    }
}
