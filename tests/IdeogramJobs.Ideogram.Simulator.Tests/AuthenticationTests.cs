using System.Net;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Answers_401_with_an_error_body_when_the_Api_Key_header_is_missing()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: null);

        var body = await response.AssertStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Api-Key", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Answers_401_when_the_Api_Key_header_is_empty()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: "");

        await response.AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Checks_the_key_before_the_body_so_a_bad_body_without_key_is_401()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(new GenerateForm().Text("model", "V_3"), apiKey: null);

        await response.AssertStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task With_an_allow_list_answers_401_for_other_keys_and_200_for_listed_ones()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.ApiKeys = "key-one, key-two");

        using var refused = await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: "key-three");
        using var accepted = await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: "key-two");

        await refused.AssertStatusAsync(HttpStatusCode.Unauthorized);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_an_allow_list_accepts_any_non_empty_key()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: "anything-at-all");

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }
}
