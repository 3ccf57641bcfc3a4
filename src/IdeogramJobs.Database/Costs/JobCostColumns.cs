using IdeogramJobs.Contracts.Costs;
using MySqlConnector;

namespace IdeogramJobs.Database.Costs;

/// <summary>
/// The money columns of ssnews_jobs (M0021) as the job store writes and reads them, kept here so the
/// store's statements gain a line each rather than the pricing rules. A job created before prices were
/// recorded has no unit price, and then nothing is billed or costed for it.
/// </summary>
public static class JobCostColumns
{
    /// <summary>A select-list fragment over ssnews_jobs aliased j, read back by <see cref="Read"/>.</summary>
    public const string Select = "j.estimate_usd, j.cost_usd, j.billed_usd";

    /// <summary>
    /// A SET fragment for the completing UPDATE of ssnews_jobs: the delivered generation's images at the job's
    /// price (Ideogram bills per image returned).
    /// </summary>
    public const string SetCompletedCost = """
        cost_usd = unit_price_usd * (SELECT JSON_LENGTH(g.images) FROM ssnews_job_generations g WHERE g.job_id = ssnews_jobs.job_id)
        """;

    /// <summary>
    /// Statements recording one generation Ideogram answered (and so billed), in the transaction that saves it: a
    /// row of ssnews_job_billings and the job's running billed_usd. Parameters: @job, @images, and @token, the
    /// attempt that must still own the row.
    /// </summary>
    public const string RecordBilling = """
        INSERT INTO ssnews_job_billings (job_id, account_id, images, amount_usd, billed_at)
        SELECT job_id, account_id, @images, unit_price_usd * @images, UTC_TIMESTAMP(3) FROM ssnews_jobs
        WHERE job_id = @job AND attempt_token = @token AND unit_price_usd IS NOT NULL AND account_id IS NOT NULL;
        UPDATE ssnews_jobs SET billed_usd = COALESCE(billed_usd, 0) + unit_price_usd * @images
        WHERE job_id = @job AND attempt_token = @token AND unit_price_usd IS NOT NULL;
        """;

    /// <summary>The job's money from a row selected with <see cref="Select"/>; null when none of it is recorded.</summary>
    public static JobCost? Read(MySqlDataReader reader)
    {
        var estimate = Nullable(reader, "estimate_usd");
        var cost = Nullable(reader, "cost_usd");
        var billed = Nullable(reader, "billed_usd");
        return estimate is null && cost is null && billed is null
            ? null
            : new JobCost { EstimateUsd = estimate, CostUsd = cost, BilledUsd = billed };
    }

    private static decimal? Nullable(MySqlDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : Usd.Normalize(reader.GetDecimal(ordinal));
    }
}
