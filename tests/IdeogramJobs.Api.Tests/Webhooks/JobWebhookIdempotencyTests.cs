using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>An Idempotency-Key replay counts the webhookUrl, and answers as the first submission did, estimate included.</summary>
[Collection(WebhookCollection.Name)]
public sealed class JobWebhookIdempotencyTests(WebhookServiceFixture service)
{
    [Fact]
    public async Task The_same_key_with_a_different_webhookUrl_is_refused_and_runs_no_second_job()
    {
        var account = await service.NewAccountAsync("admin");
        var key = Guid.NewGuid().ToString("N");
        var prompt = Prompt("differing webhook");
        using var first = await account.ExecuteWithWebhookAsync(prompt, service.Receiver.Url("/idem/a"), key);
        var jobId = (await first.ReadJsonAsync(HttpStatusCode.Accepted))["jobId"]!.GetValue<long>();

        using var otherUrl = await account.ExecuteWithWebhookAsync(prompt, service.Receiver.Url("/idem/b"), key);
        using var noUrl = await account.ExecuteWithWebhookAsync(prompt, null, key);

        foreach (var refused in new[] { otherUrl, noUrl })
        {
            var problem = await refused.ReadJsonAsync(HttpStatusCode.Conflict);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(jobId, problem["jobId"]!.GetValue<long>());
            Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
        }

        await account.WaitForAsync(jobId, "completed");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
        Assert.Equal(1, await BilledGenerationsAsync(prompt));
    }

    [Fact]
    public async Task A_replay_answers_the_first_job_with_the_estimate_the_first_answer_carried()
    {
        var account = await service.NewAccountAsync("admin");
        var key = Guid.NewGuid().ToString("N");
        var prompt = Prompt("replayed estimate");
        var url = service.Receiver.Url("/idem/replay");
        using var first = await account.ExecuteWithWebhookAsync(prompt, url, key, new { numImages = 3 });
        var firstAnswer = await first.ReadJsonAsync(HttpStatusCode.Accepted);

        using var replay = await account.ExecuteWithWebhookAsync(prompt, url, key, new { numImages = 3 });
        var replayAnswer = await replay.ReadJsonAsync(HttpStatusCode.Accepted);

        Assert.True(replayAnswer["replayed"]!.GetValue<bool>());
        Assert.Equal(firstAnswer["jobId"]!.GetValue<long>(), replayAnswer["jobId"]!.GetValue<long>());
        var estimate = firstAnswer["estimate"]!;
        var replayed = replayAnswer["estimate"];
        Assert.NotNull(replayed);
        Assert.Equal(estimate["currency"]!.GetValue<string>(), replayed["currency"]!.GetValue<string>());
        Assert.Equal(3, replayed["images"]!.GetValue<int>());
        Assert.Equal(estimate["images"]!.GetValue<int>(), replayed["images"]!.GetValue<int>());
        Assert.Equal(estimate["perImage"]!.GetValue<decimal>(), replayed["perImage"]!.GetValue<decimal>());
        Assert.Equal(estimate["total"]!.GetValue<decimal>(), replayed["total"]!.GetValue<decimal>());

        await account.WaitForAsync(firstAnswer["jobId"]!.GetValue<long>(), "completed");
        Assert.Equal(1, await BilledGenerationsAsync(prompt));
    }

    private static string Prompt(string what) => $"{what} {Guid.NewGuid():N}";

    /// <summary>The generations the simulator billed for prompts containing <paramref name="prompt"/>.</summary>
    private async Task<long> BilledGenerationsAsync(string prompt) =>
        JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/stats/prompts?minimum=1"))!.AsObject()
            .Where(p => p.Key.Contains(prompt, StringComparison.Ordinal))
            .Sum(p => p.Value!.GetValue<long>());
}
