using MySqlConnector;

namespace IdeogramJobs.Database.Queries;

/// <summary>
/// The WHERE clause of a filtered listing: fixed condition texts joined with AND, every value a
/// parameter, so optional filters never put caller input into the SQL text.
/// </summary>
internal sealed class SqlConditions
{
    private readonly List<string> conditions = [];
    private readonly List<(string Name, object? Value)> parameters = [];

    public string Where => conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);

    public SqlConditions Add(string condition, params (string Name, object? Value)[] values)
    {
        conditions.Add(condition);
        parameters.AddRange(values);
        return this;
    }

    /// <summary><c>column IN (@name0, @name1, ...)</c>; an empty list matches nothing.</summary>
    public SqlConditions AddIn(string column, string name, IReadOnlyList<long> values)
    {
        if (values.Count == 0)
        {
            return Add("FALSE");
        }

        var names = values.Select((_, i) => $"{name}{i}").ToList();
        conditions.Add($"{column} IN ({string.Join(", ", names.Select(n => "@" + n))})");
        parameters.AddRange(names.Zip(values, (n, v) => (n, (object?)v)));
        return this;
    }

    public void AddParametersTo(MySqlCommand command)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
