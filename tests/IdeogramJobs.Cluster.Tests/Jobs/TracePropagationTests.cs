using System.Diagnostics;
using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Telemetry;
using IdeogramJobs.Hosting.Telemetry;
using IdeogramJobs.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class TracePropagationTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>, IAsyncLifetime
{
    private const string TestSource = "IdeogramJobs.Cluster.Tests";

    public Task InitializeAsync() => fixture.Simulator.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_ideogram_call_of_a_job_joins_the_trace_of_the_call_that_submitted_it()
    {
        // The silos run in this process, so one tracer provider sees the client's, the grains' and the HTTP spans.
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(TestSource, JobTracing.SourceName)
            .AddSource(ServiceTelemetry.OrleansActivitySources)
            .AddHttpClientInstrumentation()
            .AddInMemoryExporter(exported)
            .Build();
        using var source = new ActivitySource(TestSource);
        var account = await fixture.NewAccountAsync();

        ActivityTraceId submission;
        long jobId;
        using (var request = source.StartActivity("submit"))
        {
            Assert.NotNull(request);
            submission = request.TraceId;
            jobId = await fixture.SubmitAsync(account, "blog_header", "a lantern in the snow");
        }

        await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        var generateCall = await Eventually.Until(
            () => Task.FromResult(exported.ToArray().FirstOrDefault(a =>
                a.Kind == ActivityKind.Client && a.GetTagItem("url.full") is string url && url.Contains("ideogram-v3/generate", StringComparison.Ordinal)
                && a.TraceId == submission)),
            call => call is not null,
            TimeSpan.FromSeconds(10),
            $"the HTTP call to Ideogram's generate endpoint to be exported in trace {submission}");

        var spans = exported.ToArray().Where(a => a.TraceId == submission).ToList();
        var generation = Assert.Single(spans, a => a.Source.Name == JobTracing.SourceName && a.OperationName == "ideogram.generate");
        Assert.Equal(generation.SpanId, generateCall!.ParentSpanId);
        Assert.Single(spans, a => a.Source.Name == JobTracing.SourceName && a.OperationName == "job.attempt");
        Assert.Contains(spans, a => a.Source.Name == JobTracing.SourceName && a.OperationName == "image.store");
        Assert.Contains(spans, a => ServiceTelemetry.OrleansActivitySources.Contains(a.Source.Name));
    }
}
