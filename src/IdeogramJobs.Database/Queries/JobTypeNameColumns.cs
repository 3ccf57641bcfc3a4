namespace IdeogramJobs.Database.Queries;

/// <summary>
/// An image job's type name in SQL (over <c>ssnews_jobs j</c>): the payload's jobTypeName, or for a
/// row without one, the job type of its settings row's configuration. Listings show and filter by
/// the same name. Each source is compared with a parameter only, never with the other, so their
/// differing collations (JSON text, table column) cannot clash.
/// </summary>
internal static class JobTypeNameColumns
{
    /// <summary>The name used when neither source has one (a row written by hand).</summary>
    public const string Unknown = "unknown";

    public const string FromPayload = "JSON_UNQUOTE(JSON_EXTRACT(j.payload, '$.jobTypeName'))";

    public const string FromConfiguration = """
        (SELECT c.job_type_name FROM ssnews_job_execution_settings s
         JOIN ssnews_job_configurations c ON c.config_id = s.config_id
         WHERE s.job_id = j.job_id ORDER BY s.execution_id LIMIT 1)
        """;

    /// <summary>The two sources as the columns payload_job_type and configuration_job_type.</summary>
    public const string Select = $"{FromPayload} AS payload_job_type, {FromConfiguration} AS configuration_job_type";

    /// <summary>A condition: the job's type name equals the parameter <paramref name="parameter"/>.</summary>
    public static string Matches(string parameter) =>
        $"({FromPayload} = @{parameter} OR ({FromPayload} IS NULL AND {FromConfiguration} = @{parameter}))";

    public static string Choose(string? fromPayload, string? fromConfiguration) => fromPayload ?? fromConfiguration ?? Unknown;
}
