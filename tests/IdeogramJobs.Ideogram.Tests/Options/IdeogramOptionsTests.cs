using IdeogramJobs.Ideogram.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Tests.Options;

public sealed class IdeogramOptionsTests
{
    private const string Key = "ik_options_S3cret_value_77";

    private static IdeogramOptions Bind(Dictionary<string, string?> variables)
    {
        var services = new ServiceCollection();
        services.AddIdeogramClient(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<IdeogramOptions>>().Value;
    }

    private static OptionsValidationException Invalid(Dictionary<string, string?> variables) =>
        Assert.Throws<OptionsValidationException>(() => Bind(variables));

    [Fact]
    public void Binds_every_variable_from_the_environment_names()
    {
        var options = Bind(new()
        {
            ["IDEOGRAM_API_KEY"] = Key,
            ["IDEOGRAM_BASE_URL"] = "http://127.0.0.1:5199",
            ["IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS"] = "45.5",
            ["IDEOGRAM_MAX_RETRIES"] = "3",
            ["IDEOGRAM_MAX_IMAGE_BYTES"] = "1048576",
            ["IDEOGRAM_RETRY_BASE_DELAY_SECONDS"] = "1",
            ["IDEOGRAM_MAX_RETRY_DELAY_SECONDS"] = "10",
            ["IDEOGRAM_CIRCUIT_FAILURE_RATIO"] = "0.25",
            ["IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT"] = "4",
            ["IDEOGRAM_CIRCUIT_SAMPLING_SECONDS"] = "20",
            ["IDEOGRAM_CIRCUIT_BREAK_SECONDS"] = "15",
        });

        Assert.Equal(Key, options.ApiKey);
        Assert.Equal("http://127.0.0.1:5199", options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(45.5), options.AttemptTimeout);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(1_048_576, options.MaxImageBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxRetryDelay);
        Assert.Equal(0.25, options.CircuitFailureRatio);
        Assert.Equal(4, options.CircuitMinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(20), options.CircuitSamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), options.CircuitBreakDuration);
    }

    [Fact]
    public void Defaults_to_the_real_api_300_s_attempts_no_in_process_retries_and_20_MB_images()
    {
        var options = Bind(new() { ["IDEOGRAM_API_KEY"] = Key });

        Assert.Equal("https://api.ideogram.ai", options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(300), options.AttemptTimeout);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(20 * 1024 * 1024, options.MaxImageBytes);
    }

    [Fact]
    public void Rejects_a_missing_key_naming_IDEOGRAM_API_KEY()
    {
        var failure = Invalid(new());

        Assert.Contains(failure.Failures, f => f.StartsWith("IDEOGRAM_API_KEY is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_key_with_a_Bearer_prefix_without_repeating_the_key()
    {
        var failure = Invalid(new() { ["IDEOGRAM_API_KEY"] = "Bearer " + Key });

        Assert.Contains(failure.Failures, f => f.Contains("IDEOGRAM_API_KEY starts with 'Bearer '", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, failure.Message);
    }

    [Fact]
    public void Rejects_a_key_containing_a_line_break_without_repeating_the_key()
    {
        var failure = Invalid(new() { ["IDEOGRAM_API_KEY"] = Key + "\n" });

        Assert.Contains(failure.Failures, f => f.StartsWith("IDEOGRAM_API_KEY contains", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, failure.Message);
    }

    [Theory]
    [InlineData("api.ideogram.ai")]
    [InlineData("ftp://api.ideogram.ai")]
    [InlineData("/relative")]
    [InlineData("https://api.ideogram.ai/?x=1")]
    public void Rejects_a_base_url_that_is_not_an_absolute_http_url_naming_IDEOGRAM_BASE_URL(string baseUrl)
    {
        var failure = Invalid(new() { ["IDEOGRAM_API_KEY"] = Key, ["IDEOGRAM_BASE_URL"] = baseUrl });

        Assert.Contains(failure.Failures, f => f.StartsWith("IDEOGRAM_BASE_URL must be an absolute http or https URL", StringComparison.Ordinal) && f.Contains(baseUrl, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS", "0")]
    [InlineData("IDEOGRAM_MAX_RETRIES", "-1")]
    [InlineData("IDEOGRAM_MAX_RETRIES", "11")]
    [InlineData("IDEOGRAM_MAX_IMAGE_BYTES", "0")]
    [InlineData("IDEOGRAM_RETRY_BASE_DELAY_SECONDS", "-1")]
    [InlineData("IDEOGRAM_MAX_RETRY_DELAY_SECONDS", "-5")]
    [InlineData("IDEOGRAM_CIRCUIT_FAILURE_RATIO", "1.5")]
    [InlineData("IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT", "1")]
    [InlineData("IDEOGRAM_CIRCUIT_SAMPLING_SECONDS", "0.1")]
    [InlineData("IDEOGRAM_CIRCUIT_BREAK_SECONDS", "0")]
    public void Rejects_an_out_of_range_number_naming_its_variable(string variable, string value)
    {
        var failure = Invalid(new() { ["IDEOGRAM_API_KEY"] = Key, [variable] = value });

        var message = Assert.Single(failure.Failures);
        Assert.StartsWith($"{variable} must be between", message);
        Assert.Contains($"(got {value})", message);
    }

    [Fact]
    public void Prints_whether_the_key_is_set_but_never_the_key()
    {
        var text = new IdeogramOptions { ApiKey = Key }.ToString();

        Assert.Contains("ApiKey = (set)", text);
        Assert.Contains("BaseUrl = https://api.ideogram.ai", text);
        Assert.DoesNotContain(Key, text);
    }

    [Fact]
    public async Task Stops_the_host_from_starting_when_the_options_are_invalid()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["IDEOGRAM_API_KEY"] = "Bearer " + Key });
        builder.Services.AddIdeogramClient(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("IDEOGRAM_API_KEY", failure.Message);
        Assert.DoesNotContain(Key, failure.Message);
    }
}
