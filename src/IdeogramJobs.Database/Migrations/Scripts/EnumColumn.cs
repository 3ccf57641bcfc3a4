using System.Text;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>An ENUM column as the live database declares it.</summary>
public sealed record EnumColumn(string Table, string Column, IReadOnlyList<string> Values, bool Nullable, string? DefaultValue)
{
    /// <summary>
    /// The ALTER that adds <paramref name="newValues"/> after every existing value (existing
    /// values keep their positions, so stored rows keep their meaning), or null when all are present.
    /// </summary>
    public string? WidenTo(params string[] newValues)
    {
        var missing = newValues.Where(v => !Values.Contains(v, StringComparer.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var declared = string.Join(",", Values.Concat(missing).Select(Quote));
        var sql = new StringBuilder($"ALTER TABLE `{Table}` MODIFY COLUMN `{Column}` ENUM({declared})");
        sql.Append(Nullable ? " NULL" : " NOT NULL");
        if (DefaultValue is not null && !DefaultValue.Equals("NULL", StringComparison.OrdinalIgnoreCase))
        {
            sql.Append(" DEFAULT ").Append(Quote(DefaultValue.Trim('\'')));
        }

        return sql.ToString();
    }

    /// <summary>Reads <c>enum('a','b''c')</c> as [a, b'c].</summary>
    public static IReadOnlyList<string> ParseValues(string columnType)
    {
        if (!columnType.StartsWith("enum(", StringComparison.OrdinalIgnoreCase) || !columnType.EndsWith(')'))
        {
            throw new FormatException($"'{columnType}' is not an ENUM column type.");
        }

        var values = new List<string>();
        var body = columnType[5..^1];
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] != '\'')
            {
                i++;
                continue;
            }

            var value = new StringBuilder();
            i++;
            while (i < body.Length)
            {
                if (body[i] == '\'' && i + 1 < body.Length && body[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                }
                else if (body[i] == '\'')
                {
                    i++;
                    break;
                }
                else
                {
                    value.Append(body[i++]);
                }
            }

            values.Add(value.ToString());
        }

        return values;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
