namespace IdeogramJobs.Database.Queries;

/// <summary>
/// The filters the job and image listings share: the job's type name (over <c>ssnews_jobs j</c>)
/// and a creation window [from, to) on the listed row's own created_at column.
/// </summary>
internal static class ListingFilters
{
    public static SqlConditions AddJobTypeNameAndCreatedWithin(
        this SqlConditions conditions, string? jobTypeName, string createdAtColumn, DateTime? from, DateTime? to)
    {
        if (!string.IsNullOrEmpty(jobTypeName))
        {
            conditions.Add(JobTypeNameColumns.Matches("jobTypeName"), ("jobTypeName", jobTypeName));
        }

        if (from is { } start)
        {
            conditions.Add($"{createdAtColumn} >= @from", ("from", start));
        }

        if (to is { } end)
        {
            conditions.Add($"{createdAtColumn} < @to", ("to", end));
        }

        return conditions;
    }
}
