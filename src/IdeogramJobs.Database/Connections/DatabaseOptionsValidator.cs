using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Connections;

/// <summary>Fails start-up with a message naming the variable when a database URL is missing or malformed.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var failures = new List<string>();
        Check(failures, () => options.OrleansConnectionString);
        Check(failures, () => options.C360ReqConnectionString);
        if (options.MaxPoolSize is < 5 or > 1000)
        {
            failures.Add("DATABASE_MAX_POOL_SIZE must be between 5 and 1000.");
        }

        if (options.ConnectTimeoutSeconds is < 1 or > 60)
        {
            failures.Add($"{DatabaseOptions.ConnectTimeoutVariable} must be between 1 and 60.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures.Distinct());
    }

    private static void Check(List<string> failures, Func<string> build)
    {
        try
        {
            build();
        }
        catch (DatabaseUrlException e)
        {
            failures.Add(e.Message);
        }
    }
}
