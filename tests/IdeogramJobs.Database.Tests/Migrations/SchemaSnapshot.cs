using System.Text;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Database.Tests.Migrations;

/// <summary>The database's shape as information_schema tells it, plus the Orleans query texts, as one text.</summary>
public static class SchemaSnapshot
{
    public static async Task<string> TakeAsync(TestDatabase database)
    {
        var text = new StringBuilder();
        foreach (var query in new[]
        {
            $"SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '{database.Name}' ORDER BY TABLE_NAME, ORDINAL_POSITION",
            $"SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '{database.Name}' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
            $"SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = '{database.Name}' ORDER BY TABLE_NAME, CONSTRAINT_NAME",
            $"SELECT ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = '{database.Name}' ORDER BY ROUTINE_NAME",
            "SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey",
        })
        {
            foreach (var row in await database.QueryAsync(query))
            {
                text.AppendLine(string.Join(" | ", row.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        return text.ToString();
    }
}
