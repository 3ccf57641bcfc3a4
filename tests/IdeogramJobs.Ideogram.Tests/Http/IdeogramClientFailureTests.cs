using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Tests.Infrastructure;

namespace IdeogramJobs.Ideogram.Tests.Http;

/// <summary>
/// How each failure of the generate route is classified, retried or not, and reported, against a
/// real Kestrel host. Time (timeouts, backoff, Retry-After, the circuit) is a FakeTimeProvider.
/// </summary>
public sealed class IdeogramClientFailureTests : IAsyncLifetime
{
    private readonly List<IdeogramClientHarness> harnesses = [];
    private ScriptedIdeogramHost host = null!;

    public async Task InitializeAsync() => host = await ScriptedIdeogramHost.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var harness in harnesses)
        {
            await harness.DisposeAsync();
        }

        await host.DisposeAsync();
    }

    private IdeogramClientHarness Harness(params (string Key, string Value)[] overrides) => Harness(host.BaseUrl, overrides);

    private IdeogramClientHarness Harness(string baseUrl, params (string Key, string Value)[] overrides)
    {
        var harness = new IdeogramClientHarness(baseUrl, overrides.ToDictionary(o => o.Key, o => (string?)o.Value));
        harnesses.Add(harness);
        return harness;
    }

    private static Task<IdeogramGeneration> Generate(IdeogramClientHarness harness, string prompt = "a lighthouse") =>
        harness.Client.GenerateAsync(new IdeogramGenerateRequest(prompt, new JobSettings { NumImages = 1 }), CancellationToken.None);

    private static Task<IdeogramException> Fails(IdeogramClientHarness harness) =>
        Await.ThrowsWithin<IdeogramException>(Generate(harness), "the generation to fail");

    [Theory]
    [InlineData(400, """{"type":"about:blank","title":"Bad Request","detail":"'21x9' is not one of ['1x3', '3x1'] - 'aspect_ratio'","status":400}""",
        IdeogramFailureKind.InvalidRequest, "'21x9' is not one of")]
    [InlineData(401, """{"error":"Unauthorized"}""", IdeogramFailureKind.Unauthorized, "IDEOGRAM_API_KEY")]
    [InlineData(403, """{"error":"Forbidden: no access to this model"}""", IdeogramFailureKind.Unauthorized, "no access to this model")]
    [InlineData(402, """{"error":"Payment required","reject_reason":"insufficient_funds"}""", IdeogramFailureKind.PaymentRequired, "insufficient_funds")]
    [InlineData(404, """{"error":"Custom model not found"}""", IdeogramFailureKind.NotFound, "Custom model not found")]
    [InlineData(422, """{"error":"Prompt failed the safety check"}""", IdeogramFailureKind.SafetyRejected, "Prompt failed the safety check")]
    public async Task Classifies_a_permanent_rejection_and_does_not_retry_it(int status, string body, IdeogramFailureKind kind, string messagePart)
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Json(status, body), GenerateScript.Json(status, body), GenerateScript.Json(status, body));

        var failure = await Fails(harness);

        Assert.Equal(kind, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Contains(messagePart, failure.Message);
        Assert.Contains(status.ToString(CultureInfo.InvariantCulture), failure.Message);
        Assert.Single(host.GenerateRequests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Retries_a_server_error_the_configured_number_of_times_then_reports_it_as_transient(int status)
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(Enumerable.Repeat(GenerateScript.Json(status, """{"error":"upstream exploded"}"""), 3).ToArray());

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.ProviderError, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Contains("upstream exploded", failure.Message);
        Assert.Equal(3, host.GenerateRequests.Count);
        Assert.Equal(2, harness.Logs.Entries.Count(e => e.Message.Contains("Retrying in", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Makes_a_single_attempt_when_retries_are_set_to_zero()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "0"));
        host.ThenGenerate(GenerateScript.Json(503, """{"error":"busy"}"""), GenerateScript.Json(503, """{"error":"busy"}"""));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.ProviderError, failure.Kind);
        Assert.Single(host.GenerateRequests);
    }

    [Fact]
    public async Task Succeeds_when_a_retry_after_a_server_error_succeeds_sending_a_fresh_identical_body()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Json(503, """{"error":"busy"}"""), GenerateScript.Success("one"));

        var generation = await Await.Within(Generate(harness, "same prompt"), "the generation");

        Assert.Single(generation.Images);
        Assert.Equal(2, host.GenerateRequests.Count);
        Assert.Equal(host.GenerateRequests[0].TextFields, host.GenerateRequests[1].TextFields);
        Assert.Equal(("prompt", "same prompt"), host.GenerateRequests[1].TextFields[0]);
    }

    [Fact]
    public async Task Retries_an_inflight_limit_429_and_reports_its_reason_when_retries_run_out()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "1"));
        const string body = """{"error":"Too many in-flight requests","reject_reason":"inflight_limit","max_inflight_requests":10}""";
        host.ThenGenerate(GenerateScript.Json(429, body), GenerateScript.Json(429, body));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Null(failure.RetryAfter);
        Assert.Contains("inflight_limit", failure.Message);
        Assert.Contains("max_inflight_requests: 10", failure.Message);
        Assert.Equal(2, host.GenerateRequests.Count);
    }

    [Fact]
    public async Task Waits_the_retry_after_seconds_before_retrying_a_429()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "1"), ("IDEOGRAM_MAX_RETRY_DELAY_SECONDS", "60"));
        host.ThenGenerate(GenerateScript.Json(429, """{"error":"slow down"}""", retryAfter: "30"), GenerateScript.Success("one"));
        var started = harness.Time.GetUtcNow();

        var call = Generate(harness);
        var retry = await harness.Logs.WaitForAsync(e => e.Message.Contains("Retrying in", StringComparison.Ordinal), "the retry after the 429 to be scheduled");
        var retriedAt = await AdvanceUntilSecondRequest(harness);
        var generation = await Await.Within(call, "the retried generation");

        Assert.Equal(TimeSpan.FromSeconds(30), retry.Values["RetryDelay"]);
        Assert.Equal(IdeogramFailureKind.RateLimited.ToString(), retry.Values["FailureKind"]?.ToString());
        Assert.True(retriedAt - started >= TimeSpan.FromSeconds(30), $"The retry went out after {retriedAt - started} of (fake) time, before the 30 s Retry-After.");
        Assert.Single(generation.Images);
    }

    [Fact]
    public async Task Waits_until_a_retry_after_http_date_before_retrying()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "1"), ("IDEOGRAM_MAX_RETRY_DELAY_SECONDS", "60"));
        var retryAt = harness.Time.GetUtcNow().AddSeconds(45).ToString("R", CultureInfo.InvariantCulture);
        host.ThenGenerate(GenerateScript.Json(503, """{"error":"maintenance"}""", retryAfter: retryAt), GenerateScript.Success("one"));

        var call = Generate(harness);
        var retry = await harness.Logs.WaitForAsync(e => e.Message.Contains("Retrying in", StringComparison.Ordinal), "the retry after the 503 to be scheduled");
        await AdvanceUntilSecondRequest(harness);
        await Await.Within(call, "the retried generation");

        Assert.Equal(TimeSpan.FromSeconds(45), retry.Values["RetryDelay"]);
    }

    [Fact]
    public async Task Does_not_hold_a_call_open_for_a_retry_after_longer_than_the_maximum_delay_but_reports_it()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"), ("IDEOGRAM_MAX_RETRY_DELAY_SECONDS", "60"));
        host.ThenGenerate(GenerateScript.Json(429, """{"error":"come back later"}""", retryAfter: "3600"));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Contains("3600 s", failure.Message);
        Assert.Single(host.GenerateRequests);
    }

    [Fact]
    public async Task Gives_up_on_an_attempt_that_hangs_past_the_attempt_timeout_as_a_transient_timeout()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "0"), ("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS", "120"));
        host.ThenGenerate(GenerateScript.Hang());

        var call = Generate(harness);
        await host.WaitForGenerateRequestsAsync(1);
        harness.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(call.IsCompleted, "The call gave up before the 120 s attempt timeout.");
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var failure = await Await.ThrowsWithin<IdeogramException>(call, "the hanging call to time out");

        Assert.Equal(IdeogramFailureKind.Timeout, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("120 s", failure.Message);
        Assert.Contains("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS", failure.Message);
    }

    [Fact]
    public async Task Stops_when_the_caller_cancels_without_retrying_or_reporting_a_provider_failure()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Hang());
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), cancellation.Token);
        await host.WaitForGenerateRequestsAsync(1);
        await cancellation.CancelAsync();

        var stopped = await Await.ThrowsAnyWithin<OperationCanceledException>(call, "the cancelled call to end");
        Assert.Equal(cancellation.Token, stopped.CancellationToken);
        Assert.Single(host.GenerateRequests);
    }

    [Fact]
    public async Task Reports_a_refused_connection_as_unreachable_after_retrying_it()
    {
        var closedPort = ClosedLoopbackPort();
        var harness = Harness($"http://127.0.0.1:{closedPort}", ("IDEOGRAM_MAX_RETRIES", "2"));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.Unreachable, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Null(failure.StatusCode);
        Assert.Contains($"127.0.0.1:{closedPort}", failure.Message);
        Assert.Equal(2, harness.Logs.Entries.Count(e => e.Message.Contains("Retrying in", StringComparison.Ordinal)
            && e.Values["FailureKind"]?.ToString() == nameof(IdeogramFailureKind.Unreachable)));
    }

    [Fact]
    public async Task Reports_an_unreadable_200_as_an_invalid_response_without_retrying()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "2"));
        host.ThenGenerate(GenerateScript.Text(200, "text/html", "<html>captive portal</html>"));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.InvalidResponse, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Contains("not JSON", failure.Message);
        Assert.Single(host.GenerateRequests);
    }

    [Fact]
    public async Task Does_not_follow_a_redirect_so_the_key_is_never_sent_elsewhere()
    {
        var harness = Harness(("IDEOGRAM_MAX_RETRIES", "0"));
        host.ThenGenerate(GenerateScript.Redirect(h => $"{h.BaseUrl}/elsewhere"));

        var failure = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.InvalidResponse, failure.Kind);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, failure.StatusCode);
        Assert.Contains("IDEOGRAM_BASE_URL", failure.Message);
        Assert.Empty(host.ImageRequests);
    }

    [Fact]
    public async Task Opens_the_circuit_after_repeated_server_errors_then_closes_it_after_the_break()
    {
        var harness = Harness(
            ("IDEOGRAM_MAX_RETRIES", "0"),
            ("IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT", "2"),
            ("IDEOGRAM_CIRCUIT_FAILURE_RATIO", "0.5"),
            ("IDEOGRAM_CIRCUIT_BREAK_SECONDS", "30"));
        host.ThenGenerate(GenerateScript.Json(500, """{"error":"down"}"""), GenerateScript.Json(500, """{"error":"down"}"""), GenerateScript.Success("one"));

        Assert.Equal(IdeogramFailureKind.ProviderError, (await Fails(harness)).Kind);
        Assert.Equal(IdeogramFailureKind.ProviderError, (await Fails(harness)).Kind);
        var open = await Fails(harness);

        Assert.Equal(IdeogramFailureKind.CircuitOpen, open.Kind);
        Assert.True(open.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(30), open.RetryAfter);
        Assert.Contains("paused", open.Message);
        Assert.Equal(2, host.GenerateRequests.Count);

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        var generation = await Await.Within(Generate(harness), "the generation after the break");

        Assert.Single(generation.Images);
        Assert.Equal(3, host.GenerateRequests.Count);
        await harness.Logs.WaitForAsync(e => e.Message.Contains("circuit closed", StringComparison.Ordinal), "the circuit to close");
    }

    [Fact]
    public async Task Does_not_open_the_circuit_on_rate_limits()
    {
        var harness = Harness(
            ("IDEOGRAM_MAX_RETRIES", "0"),
            ("IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT", "2"),
            ("IDEOGRAM_CIRCUIT_FAILURE_RATIO", "0.5"));
        host.ThenGenerate(Enumerable.Repeat(GenerateScript.Json(429, """{"error":"busy","reject_reason":"inflight_limit"}"""), 3).ToArray());

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(IdeogramFailureKind.RateLimited, (await Fails(harness)).Kind);
        }

        Assert.Equal(3, host.GenerateRequests.Count);
    }

    /// <summary>
    /// Steps fake time one second at a time until the retry reaches the host; returns the fake
    /// time at which it did. Bounded in steps and in real time.
    /// </summary>
    private async Task<DateTimeOffset> AdvanceUntilSecondRequest(IdeogramClientHarness harness)
    {
        for (var step = 0; step < 300; step++)
        {
            if (host.GenerateRequests.Count >= 2)
            {
                return harness.Time.GetUtcNow();
            }

            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        await host.WaitForGenerateRequestsAsync(2);
        return harness.Time.GetUtcNow();
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
