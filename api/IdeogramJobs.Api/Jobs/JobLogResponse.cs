using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Api.Jobs;

/// <summary>A job's system log, oldest first: when each attempt started, what went wrong, each retry and the end.</summary>
public sealed record JobLogResponse(long JobId, IReadOnlyList<JobLogLine> Lines);
