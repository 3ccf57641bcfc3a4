using FluentMigrator.Runner.VersionTableInfo;

namespace IdeogramJobs.Database.Migrations;

/// <summary>Where the applied versions of one migration set are recorded (one table per set).</summary>
public sealed class MigrationVersionTable(string tableName) : IVersionTableMetaData
{
    public object? ApplicationContext { get; set; }
    public bool OwnsSchema => false;
    public string SchemaName => string.Empty;
    public string TableName => tableName;
    public string ColumnName => "version";
    public string DescriptionColumnName => "description";
    public string UniqueIndexName => $"uq_{tableName}_version";
    public string AppliedOnColumnName => "applied_on";
    public bool CreateWithPrimaryKey => true;
}
