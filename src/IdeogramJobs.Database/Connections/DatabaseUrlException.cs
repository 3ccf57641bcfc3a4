namespace IdeogramJobs.Database.Connections;

/// <summary>A database URL setting that cannot be used; the message starts with the variable's name.</summary>
public sealed class DatabaseUrlException(string variable, string problem)
    : Exception($"{variable} {problem}.")
{
    public string Variable { get; } = variable;
}
