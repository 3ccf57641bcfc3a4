using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Secrets;

/// <summary>Refuses to start with master keys that cannot be used; an unset variable is allowed (no secret can then be stored).</summary>
public sealed class SecretEncryptionOptionsValidator : IValidateOptions<SecretEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretEncryptionOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Keys))
        {
            return ValidateOptionsResult.Success;
        }

        var (_, problems) = MasterKey.ParseAll(options.Keys);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
