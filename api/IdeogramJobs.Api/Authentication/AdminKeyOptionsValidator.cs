using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Authentication;

/// <summary>Stops start-up, naming ADMIN_API_KEY (never its value), when the admin key is missing, short or unusable.</summary>
public sealed class AdminKeyOptionsValidator : IValidateOptions<AdminKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminKeyOptions options)
    {
        var key = options.Key;
        if (string.IsNullOrEmpty(key))
        {
            return ValidateOptionsResult.Fail($"{AdminKeyOptions.Variable} is required: set it to a random secret of at least {AdminKeyOptions.MinLength} characters (e.g. openssl rand -hex 24).");
        }

        if (key.Length < AdminKeyOptions.MinLength)
        {
            return ValidateOptionsResult.Fail($"{AdminKeyOptions.Variable} must be at least {AdminKeyOptions.MinLength} characters long; it has {key.Length}.");
        }

        if (!PresentedApiKey.IsWellFormed(key))
        {
            return ValidateOptionsResult.Fail(
                $"{AdminKeyOptions.Variable} must be at most {PresentedApiKey.MaxLength} printable ASCII characters without spaces, so that clients can send it in a header.");
        }

        return ValidateOptionsResult.Success;
    }
}
