using System.Reflection;
using FluentMigrator;
using IdeogramJobs.Database.Migrations.C360Req;
using IdeogramJobs.Database.Migrations.Orleans;

namespace IdeogramJobs.Database.Migrations;

/// <summary>One database's migrations: the namespace they live in and the table recording them.</summary>
public sealed record MigrationSet(string Name, string Namespace, string VersionTable)
{
    public static MigrationSet Orleans { get; } =
        new("orleans", typeof(O0001_QueryCatalogue).Namespace!, "ideogramjobs_orleans_schema_versions");

    public static MigrationSet C360Req { get; } =
        new("c360req", typeof(M0001_LegacyBaseline).Namespace!, "ideogramjobs_schema_versions");

    /// <summary>The versions of this set's migrations, in order.</summary>
    public IReadOnlyList<long> Versions =>
        [.. typeof(MigrationSet).Assembly.GetTypes()
            .Where(t => t.Namespace == Namespace)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Version)
            .OfType<long>()
            .Order()];
}
