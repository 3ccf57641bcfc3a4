using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>API keys are secrets: only their fingerprints may appear in what the simulator shows or logs.</summary>
public sealed class SecretTests
{
    private const string AllowedKey = "sk-allowed-Zq81vT0pLr";
    private const string RefusedKey = "sk-refused-Hw52kM7cXd";

    [Fact]
    public async Task Keys_never_appear_in_responses_stats_captured_requests_config_or_logs()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.ApiKeys = AllowedKey;
            options.FailureRate500 = 0.5;
        });

        var seen = new List<string>();
        foreach (var key in new[] { AllowedKey, RefusedKey })
        {
            foreach (var form in new[] { GenerateForm.WithPrompt(), GenerateForm.WithPrompt("UNSAFE"), GenerateForm.WithPrompt().Text("model", "x"), GenerateForm.WithPrompt().Text("num_images", "8") })
            {
                using var response = await simulator.GenerateAsync(form, apiKey: key);
                seen.Add(await response.Content.ReadAsStringAsync());
                seen.Add(response.Headers.ToString());
            }
        }
        seen.Add((await simulator.GetStatsAsync()).ToString());
        seen.Add((await simulator.GetJsonAsync("/_simulator/requests")).ToString());
        seen.Add((await simulator.GetJsonAsync("/_simulator/config")).ToString());
        var logs = simulator.Logs.Entries.Select(entry => entry.FullText).ToList();

        Assert.Contains(logs, line => line.Contains("Generate request from key", StringComparison.Ordinal));
        foreach (var key in new[] { AllowedKey, RefusedKey })
        {
            Assert.DoesNotContain(seen, text => text.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(key, StringComparison.Ordinal));
        }
        Assert.Contains(seen, text => text.Contains("\"apiKeyAllowListSize\":1", StringComparison.Ordinal));
    }
}
