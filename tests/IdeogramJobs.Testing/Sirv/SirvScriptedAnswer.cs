namespace IdeogramJobs.Testing.Sirv;

/// <summary>A forced answer to the next upload: a status and, for 429, the reset to announce.</summary>
public sealed record SirvScriptedAnswer(int StatusCode, DateTimeOffset? Reset = null);
