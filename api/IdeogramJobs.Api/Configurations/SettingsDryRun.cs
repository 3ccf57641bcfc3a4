using System.Text.Json.Serialization;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Configurations;

/// <summary>
/// What a job would run with: the final settings (defaults with the overrides applied), the
/// text appended to the prompt, and the overrides as the caller sent them. Nothing is saved.
/// </summary>
public sealed record SettingsDryRun(
    JobSettings FinalSettings,
    string? CustomPromptAddition,
    [property: JsonConverter(typeof(RawJsonConverter))] string? UserOverrides);
