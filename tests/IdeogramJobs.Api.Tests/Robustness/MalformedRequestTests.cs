using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Robustness;

[Collection(ServiceCollection.Name)]
public sealed class MalformedRequestTests(ServiceFixture service)
{
    /// <summary>The longest any one answer may take; event streams of the finished job end at once.</summary>
    private static readonly TimeSpan PerRequest = TimeSpan.FromSeconds(20);

    /// <summary>The whole run: seconds in practice, for a couple of thousand requests four at a time.</summary>
    private static readonly TimeSpan AllRequests = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task No_malformed_request_on_any_documented_path_gets_a_server_error_and_every_refusal_is_a_problem()
    {
        var targets = await HostileTargets.PrepareAsync(service);
        var operations = await DocumentedOperation.ReadAllAsync(service.Anonymous());
        Assert.Contains(operations, o => o.PathTemplate.StartsWith("/api/admin/", StringComparison.Ordinal));
        Assert.Contains(operations, o => o.PathTemplate.StartsWith("/api/ideogram/v3/", StringComparison.Ordinal));
        Assert.Contains(operations, o => o.PathTemplate.StartsWith("/media/", StringComparison.Ordinal));
        Assert.Contains(operations, o => o.QueryParameters.Contains("limit") && o.QueryParameters.Contains("from"));
        var requests = HostileRequests.For(operations, targets);
        Assert.True(requests.Count >= 500, $"only {requests.Count} malformed requests for {operations.Count} operations");

        // Header values go out as UTF-8 bytes, as a hostile client would send them.
        using var http = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = service.ApiBase,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var faults = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        using var run = new CancellationTokenSource(AllRequests);
        try
        {
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = run.Token }, async (request, _) =>
            {
                if (await FaultOfAsync(http, request) is { } fault)
                {
                    faults.Add(fault);
                }
            });
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Waited {AllRequests.TotalMinutes:0} minutes for answers to {requests.Count} malformed requests; faults so far:{Environment.NewLine}"
                + string.Join(Environment.NewLine, faults.Order(StringComparer.Ordinal).Take(60)));
        }

        Assert.True(faults.IsEmpty, $"{faults.Count} of {requests.Count} malformed requests were mishandled (in {clock.Elapsed.TotalSeconds:0}s):{Environment.NewLine}"
            + string.Join(Environment.NewLine, faults.Order(StringComparer.Ordinal).Take(200)));
    }

    /// <summary>What is wrong with the answer to <paramref name="request"/>, or null when it is a 2xx/3xx or a 4xx problem.</summary>
    private static async Task<string?> FaultOfAsync(HttpClient http, HostileRequest request)
    {
        using var deadline = new CancellationTokenSource(PerRequest);
        try
        {
            using var message = request.ToMessage();
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                return $"{request}: {status} {Shorten(body)}";
            }

            if (status < 400)
            {
                return null;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType != "application/problem+json")
            {
                return $"{request}: {status} as {mediaType ?? "no content type"}: {Shorten(body)}";
            }

            return ProblemStatus(body) == status ? null : $"{request}: {status} with a problem that does not say so: {Shorten(body)}";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return $"{request}: no complete answer within {PerRequest.TotalSeconds:0}s";
        }
        catch (HttpRequestException e)
        {
            return $"{request}: the connection failed: {e.Message}";
        }
    }

    private static int? ProblemStatus(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && problem["status"] is JsonValue value && value.TryGetValue<int>(out var status) ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
