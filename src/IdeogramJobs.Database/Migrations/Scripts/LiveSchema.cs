using System.Data;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>
/// Reads the shape of the connected database from information_schema, so migrations against the
/// live c360req schema add only what is absent (MySQL 8 has no ADD COLUMN IF NOT EXISTS) and
/// widen ENUMs by re-declaring the values already there.
/// </summary>
public sealed class LiveSchema(IDbConnection connection, IDbTransaction? transaction)
{
    public bool HasColumn(string table, string column) =>
        Scalar("""
            SELECT COUNT(*) FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND COLUMN_NAME = @column
            """, ("table", table), ("column", column)) > 0;

    public bool HasIndex(string table, string index) =>
        Scalar("""
            SELECT COUNT(*) FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND INDEX_NAME = @index
            """, ("table", table), ("index", index)) > 0;

    public bool HasForeignKey(string table, string constraint) =>
        Scalar("""
            SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND CONSTRAINT_NAME = @constraint
              AND CONSTRAINT_TYPE = 'FOREIGN KEY'
            """, ("table", table), ("constraint", constraint)) > 0;

    /// <summary>The declared values of an ENUM column, in their declared order.</summary>
    public EnumColumn ReadEnum(string table, string column)
    {
        using var command = Command("""
            SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND COLUMN_NAME = @column
            """, ("table", table), ("column", column));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"Column {table}.{column} does not exist.");
        }

        var type = reader.GetString(0);
        var nullable = reader.GetString(1) == "YES";
        var defaultValue = reader.IsDBNull(2) ? null : reader.GetString(2);
        return new EnumColumn(table, column, EnumColumn.ParseValues(type), nullable, defaultValue);
    }

    public void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private long Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private IDbCommand Command(string sql, params (string Name, object Value)[] parameters) =>
        MigrationCommand.Create(connection, transaction, sql, parameters);
}
