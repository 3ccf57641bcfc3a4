using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Usage;
using static IdeogramJobs.Database.Tests.Usage.UsageScenario;

namespace IdeogramJobs.Database.Tests.Usage;

public sealed class UsageQueriesTests(UsageScenario scenario) : IClassFixture<UsageScenario>
{
    private readonly MySqlUsageQueries usage = new(scenario.Database.Connections);

    [Fact]
    public async Task One_accounts_days_count_its_jobs_images_outcomes_generation_times_retries_and_refusals()
    {
        var query = new UsageQuery { AccountId = scenario.AccountA, From = From, To = To, Granularity = UsageGranularity.Day };

        var report = await usage.GetAsync(query, CancellationToken.None);

        Assert.Equal(query, report.Query);
        AssertFigures(new UsageFigures
        {
            Jobs = 6,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 3, ["failed"] = 1, ["cancelled"] = 1, ["queued"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 4, ["blog_header"] = 2 },
            Images = 4,
            SuccessRate = 0.75,
            GenerationSecondsP50 = 20,
            GenerationSecondsP95 = 30,
            Retries = 4,
            RateLimitRejections = 3,
            RejectionsByLimit = new Dictionary<string, int> { ["jobs_per_minute"] = 2, ["daily_image_quota"] = 1 },
        }, report.Totals);
        Assert.Equal([At(1, 0, 0), At(2, 0, 0)], report.Periods.Select(p => p.Start));
        Assert.All(report.Periods, p => Assert.Equal(DateTimeKind.Utc, p.Start.Kind));
        AssertFigures(new UsageFigures
        {
            Jobs = 3,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 2, ["failed"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 2, ["blog_header"] = 1 },
            Images = 3,
            SuccessRate = 2.0 / 3,
            GenerationSecondsP50 = 10,
            GenerationSecondsP95 = 20,
            Retries = 4,
            RateLimitRejections = 2,
            RejectionsByLimit = new Dictionary<string, int> { ["jobs_per_minute"] = 2 },
        }, report.Periods[0].Figures);
        AssertFigures(new UsageFigures
        {
            Jobs = 3,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 1, ["cancelled"] = 1, ["queued"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 2, ["blog_header"] = 1 },
            Images = 1,
            SuccessRate = 1,
            GenerationSecondsP50 = 30,
            GenerationSecondsP95 = 30,
            Retries = 0,
            RateLimitRejections = 1,
            RejectionsByLimit = new Dictionary<string, int> { ["daily_image_quota"] = 1 },
        }, report.Periods[1].Figures);
    }

    [Fact]
    public async Task One_accounts_hours_leave_out_hours_without_activity()
    {
        var report = await usage.GetAsync(
            new UsageQuery { AccountId = scenario.AccountA, From = From, To = To, Granularity = UsageGranularity.Hour },
            CancellationToken.None);

        Assert.Equal([At(1, 9, 0), At(1, 14, 0), At(2, 8, 0), At(2, 23, 0)], report.Periods.Select(p => p.Start));
        AssertFigures(new UsageFigures
        {
            Jobs = 2,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 2 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 2 },
            Images = 3,
            SuccessRate = 1,
            GenerationSecondsP50 = 10,
            GenerationSecondsP95 = 20,
            Retries = 1,
            RateLimitRejections = 2,
            RejectionsByLimit = new Dictionary<string, int> { ["jobs_per_minute"] = 2 },
        }, report.Periods[0].Figures);
        AssertFigures(new UsageFigures
        {
            Jobs = 1,
            JobsByStatus = new Dictionary<string, int> { ["failed"] = 1 },
            JobsByType = new Dictionary<string, int> { ["blog_header"] = 1 },
            SuccessRate = 0,
            Retries = 3,
        }, report.Periods[1].Figures);
        AssertFigures(new UsageFigures
        {
            Jobs = 2,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 1, ["cancelled"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 1, ["blog_header"] = 1 },
            Images = 1,
            SuccessRate = 1,
            GenerationSecondsP50 = 30,
            GenerationSecondsP95 = 30,
            RateLimitRejections = 1,
            RejectionsByLimit = new Dictionary<string, int> { ["daily_image_quota"] = 1 },
        }, report.Periods[2].Figures);
        // Nothing finished yet: no success rate and no generation time, rather than zeros.
        AssertFigures(new UsageFigures
        {
            Jobs = 1,
            JobsByStatus = new Dictionary<string, int> { ["queued"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 1 },
        }, report.Periods[3].Figures);
    }

    [Fact]
    public async Task All_accounts_days_add_both_accounts_together()
    {
        var report = await usage.GetAsync(new UsageQuery { From = From, To = To }, CancellationToken.None);

        AssertFigures(new UsageFigures
        {
            Jobs = 8,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 4, ["failed"] = 2, ["cancelled"] = 1, ["queued"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 4, ["blog_header"] = 3, ["product_marketing"] = 1 },
            Images = 8,
            SuccessRate = 4.0 / 6,
            GenerationSecondsP50 = 20,
            GenerationSecondsP95 = 40,
            Retries = 7,
            RateLimitRejections = 4,
            RejectionsByLimit = new Dictionary<string, int> { ["jobs_per_minute"] = 2, ["daily_image_quota"] = 1, ["images_per_minute"] = 1 },
        }, report.Totals);
        Assert.Equal([At(1, 0, 0), At(2, 0, 0)], report.Periods.Select(p => p.Start));
        AssertFigures(new UsageFigures
        {
            Jobs = 4,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 3, ["failed"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 2, ["blog_header"] = 1, ["product_marketing"] = 1 },
            Images = 7,
            SuccessRate = 0.75,
            GenerationSecondsP50 = 20,
            GenerationSecondsP95 = 40,
            Retries = 6,
            RateLimitRejections = 3,
            RejectionsByLimit = new Dictionary<string, int> { ["jobs_per_minute"] = 2, ["images_per_minute"] = 1 },
        }, report.Periods[0].Figures);
        AssertFigures(new UsageFigures
        {
            Jobs = 4,
            JobsByStatus = new Dictionary<string, int> { ["completed"] = 1, ["cancelled"] = 1, ["queued"] = 1, ["failed"] = 1 },
            JobsByType = new Dictionary<string, int> { ["social_media"] = 2, ["blog_header"] = 2 },
            Images = 1,
            SuccessRate = 0.5,
            GenerationSecondsP50 = 30,
            GenerationSecondsP95 = 30,
            Retries = 1,
            RateLimitRejections = 1,
            RejectionsByLimit = new Dictionary<string, int> { ["daily_image_quota"] = 1 },
        }, report.Periods[1].Figures);
    }

    [Fact]
    public async Task An_hour_with_only_refused_submissions_is_a_period_of_its_own()
    {
        var report = await usage.GetAsync(
            new UsageQuery { From = From, To = To, Granularity = UsageGranularity.Hour }, CancellationToken.None);

        Assert.Equal(
            [At(1, 9, 0), At(1, 10, 0), At(1, 14, 0), At(2, 8, 0), At(2, 10, 0), At(2, 23, 0)],
            report.Periods.Select(p => p.Start));
        AssertFigures(new UsageFigures
        {
            RateLimitRejections = 1,
            RejectionsByLimit = new Dictionary<string, int> { ["images_per_minute"] = 1 },
        }, report.Periods[1].Figures);
        Assert.Equal(3, report.Periods[0].Figures.Jobs);
        Assert.Equal(7, report.Periods[0].Figures.Images);
    }

    [Fact]
    public async Task The_other_account_sees_only_its_own_usage()
    {
        var report = await usage.GetAsync(new UsageQuery { AccountId = scenario.AccountB, From = From, To = To }, CancellationToken.None);

        Assert.Equal(2, report.Totals.Jobs);
        Assert.Equal(4, report.Totals.Images);
        Assert.Equal(3, report.Totals.Retries);
        Assert.Equal(0.5, report.Totals.SuccessRate);
        Assert.Equal(40, report.Totals.GenerationSecondsP50);
        Assert.Equal(1, report.Totals.RateLimitRejections);
    }

    [Fact]
    public async Task A_range_without_activity_reports_zeros_and_no_periods()
    {
        var report = await usage.GetAsync(
            new UsageQuery { AccountId = scenario.AccountA, From = To.AddDays(1), To = To.AddDays(2) }, CancellationToken.None);

        AssertFigures(new UsageFigures(), report.Totals);
        Assert.Empty(report.Periods);
    }

    private static void AssertFigures(UsageFigures expected, UsageFigures actual)
    {
        Assert.Equal(expected.Jobs, actual.Jobs);
        Assert.Equal(expected.JobsByStatus.OrderBy(p => p.Key), actual.JobsByStatus.OrderBy(p => p.Key));
        Assert.Equal(expected.JobsByType.OrderBy(p => p.Key), actual.JobsByType.OrderBy(p => p.Key));
        Assert.Equal(expected.Images, actual.Images);
        Assert.Equal(expected.SuccessRate, actual.SuccessRate);
        Assert.Equal(expected.GenerationSecondsP50, actual.GenerationSecondsP50);
        Assert.Equal(expected.GenerationSecondsP95, actual.GenerationSecondsP95);
        Assert.Equal(expected.Retries, actual.Retries);
        Assert.Equal(expected.RateLimitRejections, actual.RateLimitRejections);
        Assert.Equal(expected.RejectionsByLimit.OrderBy(p => p.Key), actual.RejectionsByLimit.OrderBy(p => p.Key));
    }
}
