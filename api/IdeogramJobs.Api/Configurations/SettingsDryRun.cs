using System.Text.Json.Serialization;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Configurations;

/// <summary>
/// What a job would run with: the final settings (defaults with the overrides applied), the
/// text appended to the prompt, the overrides as the caller sent them, and what the job would cost
/// at the configured prices (without a character reference, which is uploaded with the job). Nothing is saved.
/// </summary>
public sealed record SettingsDryRun(
    JobSettings FinalSettings,
    string? CustomPromptAddition,
    [property: JsonConverter(typeof(RawJsonConverter))] string? UserOverrides,
    CostEstimate Estimate);
