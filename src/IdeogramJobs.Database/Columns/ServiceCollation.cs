namespace IdeogramJobs.Database.Columns;

/// <summary>
/// The collation of the service's own tables. A join between one of its columns and a column of
/// the older system's tables names it on the service's side: the older tables may carry a
/// collation of their own, and comparing two columns of different collations is an error, while an
/// explicit collation on one side decides the comparison (the other side is converted if need be).
/// </summary>
internal static class ServiceCollation
{
    public const string Name = "utf8mb4_unicode_ci";
}
