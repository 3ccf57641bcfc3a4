using System.Net;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>Image URLs are signed and expire, on the simulator's injected clock.</summary>
public sealed class ImageUrlTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<(SimulatorHost Simulator, FakeTimeProvider Time)> StartWithFakeTimeAsync(int ttlSeconds)
    {
        var time = new FakeTimeProvider(Start);
        var simulator = await SimulatorHost.StartAsync(
            options => options.ImageUrlTtlSeconds = ttlSeconds,
            services => services.AddSingleton<TimeProvider>(time));
        return (simulator, time);
    }

    private static async Task<string> GenerateUrlAsync(SimulatorHost simulator)
    {
        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt());
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        return body.GetProperty("data")[0].GetProperty("url").GetString()!;
    }

    [Fact]
    public async Task A_url_works_until_its_exp_and_answers_410_after()
    {
        var (simulator, time) = await StartWithFakeTimeAsync(ttlSeconds: 60);
        await using var _ = simulator;
        var url = await GenerateUrlAsync(simulator);

        Assert.Contains($"exp={Start.ToUnixTimeSeconds() + 60}&", url);
        using (var fresh = await simulator.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }
        time.Advance(TimeSpan.FromSeconds(60));
        using (var lastSecond = await simulator.Client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, lastSecond.StatusCode);
        }
        time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await simulator.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task The_created_time_comes_from_the_injected_clock()
    {
        var (simulator, _) = await StartWithFakeTimeAsync(ttlSeconds: 60);
        await using var _ = simulator;

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt());

        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(Start, DateTimeOffset.Parse(body.GetProperty("created").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_tampered_signature_answers_403()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var url = await GenerateUrlAsync(simulator);
        var tampered = url[..^1] + (url[^1] == '0' ? '1' : '0');

        using var response = await simulator.Client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_later_exp_with_the_old_signature_answers_403()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var url = await GenerateUrlAsync(simulator);
        var exp = url.Split("exp=")[1].Split('&')[0];

        using var response = await simulator.Client.GetAsync(url.Replace($"exp={exp}", $"exp={long.Parse(exp, System.Globalization.CultureInfo.InvariantCulture) + 3600}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_image_url_without_signature_answers_403()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var url = await GenerateUrlAsync(simulator);

        using var response = await simulator.Client.GetAsync(url.Split('?')[0]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_url_signed_by_another_simulator_process_answers_403()
    {
        await using var first = await SimulatorHost.StartAsync();
        await using var second = await SimulatorHost.StartAsync();
        var url = new Uri(await GenerateUrlAsync(first));

        using var response = await second.Client.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
