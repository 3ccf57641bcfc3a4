using System.Globalization;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>The in-flight images Ideogram allows an organisation's own key (10 unless Ideogram raised it).</summary>
public sealed record SetOrganisationKeyLimitRequest
{
    public const int Max = 10_000;

    /// <example>10</example>
    public int? MaxInflightImages { get; init; }

    public IReadOnlyList<SettingsError> Validate() =>
        MaxInflightImages is >= 1 and <= Max
            ? []
            : [new SettingsError("maxInflightImages", $"maxInflightImages must be a whole number from 1 to {Max}.", MaxInflightImages?.ToString(CultureInfo.InvariantCulture))];
}
