using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// Which jobs reproduce a finished job. Ideogram takes one seed per request, so when the source's
/// settings fixed the seed one job with the same settings replays all its images; otherwise each
/// image came with its own seed and is replayed by a job of one image with that seed.
/// </summary>
public static class RegenerationPlan
{
    public static IReadOnlyList<RegenerationReplay> Exact(JobSnapshot source)
    {
        var seeded = source.Images.Where(i => i.Seed is not null).OrderBy(i => i.Index).ToList();
        if (seeded.Count == 0)
        {
            return [];
        }

        if (source.FinalSettings?.Seed is { } fixedSeed && seeded[0].Seed == fixedSeed)
        {
            return [new RegenerationReplay(RegenerationReplay.Exact, null, fixedSeed)];
        }

        return [.. seeded.Select(i => new RegenerationReplay(RegenerationReplay.Exact, i.Index, i.Seed))];
    }

    public static IReadOnlyList<RegenerationReplay> Variations() => [new RegenerationReplay(RegenerationReplay.Variations, null, null)];
}
