using System.Globalization;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// What a run cost and how its jobs got there, read at its end: over-limit sends and billed
/// generations from the simulator's own counters (every job has its own prompt, so billing per
/// prompt is billing per job), attempts per job from ssnews_jobs.retry_count and interruptions (the
/// attempts our side cut off) and their causes from the job steps. The simulator is first given time to finish generations whose client left, since
/// Ideogram bills those too.
/// </summary>
public sealed record RunAccounting(
    JobCounts Counts,
    long OverLimit,
    long Billed,
    long JobsBilledMoreThanOnce,
    long BilledAgainWithoutFailedAttempt,
    long MostBilledForOneJob,
    long Abandoned,
    double MeanAttempts,
    long MostAttempts,
    long JobsRetried,
    FailedAttemptCauses Causes,
    bool ProviderIdle)
{
    private static readonly TimeSpan IdleBound = TimeSpan.FromSeconds(60);

    /// <summary>Billed generations per completed job: 1.00 when nothing was paid for twice or for nothing.</summary>
    public double BilledPerCompletedJob => Counts.Completed == 0 ? double.NaN : (double)Billed / Counts.Completed;

    public static async Task<RunAccounting> ReadAsync(LoopbackSystem system, CancellationToken cancellationToken)
    {
        var idle = await system.WaitForProviderIdleAsync(IdleBound, cancellationToken);
        var stats = await system.SimulatorStatsAsync(cancellationToken);
        var totals = stats["totals"]!;
        var billedPrompts = stats["billedPrompts"]!;
        long Counter(JsonNode node, string name) => node[name]?.GetValue<long>() ?? 0;

        var attempts = (await system.Database.QueryAsync("""
            SELECT COALESCE(AVG(retry_count + interruptions + 1), 0) AS mean, COALESCE(MAX(retry_count + interruptions + 1), 0) AS most,
                   COALESCE(SUM(retry_count + interruptions > 0), 0) AS retried
            FROM ssnews_jobs WHERE status IN ('completed', 'failed')
            """))[0];
        double Number(string column) => double.Parse(attempts[column]!, CultureInfo.InvariantCulture);

        // A job paid for again although none of its attempts failed ran two attempts at once.
        var billedAgain = JsonNode.Parse(await system.Simulator.GetStringAsync("/_simulator/stats/prompts?minimum=2", cancellationToken))!.AsObject();
        var unexplained = billedAgain.Count == 0 ? 0 : await system.Database.CountAsync(
            "SELECT COUNT(*) FROM ssnews_jobs WHERE retry_count = 0 AND interruptions = 0 AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.prompt')) IN ("
            + string.Join(',', billedAgain.Select(prompt => "'" + prompt.Key.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")");

        return new RunAccounting(
            await system.CountJobsAsync(),
            Counter(totals, "rejectedInflight"),
            Counter(totals, "succeeded"),
            Counter(billedPrompts, "billedMoreThanOnce"),
            unexplained,
            Counter(billedPrompts, "mostForOnePrompt"),
            Counter(totals, "abandoned"),
            Number("mean"),
            (long)Number("most"),
            (long)Number("retried"),
            await FailedAttemptCauses.ReadAsync(system),
            idle);
    }

    /// <summary>
    /// The figures of cost and attempts; <paramref name="providerHangs"/> says whether timeouts were
    /// the provider's doing, <paramref name="withTargets"/> whether to print the engine's promises beside them.
    /// </summary>
    public IEnumerable<Figure> Figures(bool providerHangs, bool withTargets)
    {
        string? Target(string target) => withTargets ? target : null;
        yield return new("over-limit sends (simulator's in-flight 429s)", OverLimit, "sends", 0, Target("0"));
        yield return new("generations billed (simulator)", Billed, "generations", 0);
        yield return new("generations billed per completed job", BilledPerCompletedJob, "per job", 2, Target("1.00"));
        yield return new("jobs billed more than once", JobsBilledMoreThanOnce, "jobs", 0, Target("0"));
        yield return new("  of which no attempt failed (two attempts at once)", BilledAgainWithoutFailedAttempt, "jobs", 0, Target("0"));
        yield return new("most generations billed for one job", MostBilledForOneJob, "generations", 0);
        yield return new("generations whose client had left (billed all the same)", Abandoned, "generations", 0);
        yield return new("attempts per ended job (mean)", MeanAttempts, "attempts", 2);
        yield return new("attempts of the most-tried job", MostAttempts, "attempts", 0);
        yield return new("jobs that needed more than one attempt", JobsRetried, "jobs", 0);
        foreach (var figure in Causes.Figures(providerHangs))
        {
            yield return withTargets ? figure : figure with { Target = null };
        }
    }

    /// <summary>A note when generations were still running at the provider as the bill was read.</summary>
    public string? IdleNote => ProviderIdle
        ? null
        : $"the simulator still had generations in flight {IdleBound.TotalSeconds:0} s after the last job ended; the billed figures miss them";
}
