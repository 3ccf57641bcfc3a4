using IdeogramJobs.Storage.Local;
using IdeogramJobs.Storage.Sirv;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Tests.Registration;

public sealed class AddImageStorageTests
{
    private const string Secret = "registration-secret-Xy81";

    [Fact]
    public void Without_sirv_variables_images_go_to_local_disk_and_local_files_are_served()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.IsType<LocalDiskImageStore>(services.GetRequiredService<IImageStore>());
        Assert.NotNull(services.GetRequiredService<LocalImageFiles>());
    }

    [Fact]
    public void With_all_sirv_variables_images_go_to_sirv_and_local_files_are_still_registered()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            [SirvOptions.ClientIdVariable] = "id",
            [SirvOptions.ClientSecretVariable] = Secret,
            [SirvOptions.PublicUrlVariable] = "https://demo.sirv.com",
        });

        Assert.IsType<SirvImageStore>(services.GetRequiredService<IImageStore>());
        Assert.NotNull(services.GetRequiredService<LocalImageFiles>());
    }

    [Fact]
    public async Task Host_start_fails_when_only_the_client_id_is_set_naming_the_missing_variables()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(new Dictionary<string, string?>
        {
            [SirvOptions.ClientIdVariable] = "id",
        }));

        Assert.Contains(SirvOptions.ClientSecretVariable, failure.Message);
        Assert.Contains(SirvOptions.PublicUrlVariable, failure.Message);
    }

    [Fact]
    public async Task Host_start_fails_when_a_secret_is_set_without_a_client_id_instead_of_silently_using_local_disk()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(new Dictionary<string, string?>
        {
            [SirvOptions.ClientSecretVariable] = Secret,
            [SirvOptions.PublicUrlVariable] = "https://demo.sirv.com",
        }));

        Assert.Contains(SirvOptions.ClientIdVariable, failure.Message);
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Theory]
    [InlineData(SirvOptions.PublicUrlVariable, "demo.sirv.com")]
    [InlineData(SirvOptions.PublicUrlVariable, "ftp://demo.sirv.com")]
    [InlineData(SirvOptions.ApiBaseUrlVariable, "not a url")]
    [InlineData(SirvOptions.UploadFolderVariable, "../escape")]
    [InlineData(SirvOptions.UploadFolderVariable, "has space")]
    [InlineData(SirvOptions.UploadMaxAttemptsVariable, "0")]
    [InlineData(SirvOptions.RateLimitMaxWaitVariable, "-1")]
    [InlineData(SirvOptions.MaxConcurrentUploadsVariable, "0")]
    public void Invalid_sirv_value_is_rejected_naming_the_variable(string variable, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            [SirvOptions.ClientIdVariable] = "id",
            [SirvOptions.ClientSecretVariable] = Secret,
            [SirvOptions.PublicUrlVariable] = "https://demo.sirv.com",
            [variable] = value,
        };
        using var services = Build(settings);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SirvOptions>>().Value);

        Assert.Contains(variable, failure.Message);
        Assert.DoesNotContain(Secret, failure.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080/?x=1")]
    public void Invalid_public_base_url_is_rejected_naming_the_variable(string value)
    {
        using var services = Build(new Dictionary<string, string?> { [LocalImageStorageOptions.PublicBaseUrlVariable] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LocalImageStorageOptions>>().Value);

        Assert.Contains(LocalImageStorageOptions.PublicBaseUrlVariable, failure.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("60001")]
    public void A_flush_interval_out_of_range_is_rejected_naming_the_variable(string value)
    {
        using var services = Build(new Dictionary<string, string?> { [LocalImageStorageOptions.FlushIntervalVariable] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LocalImageStorageOptions>>().Value);

        Assert.Contains(LocalImageStorageOptions.FlushIntervalVariable, failure.Message);
    }

    [Fact]
    public void The_volume_flusher_runs_as_a_hosted_service_once_however_often_storage_is_added()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        using var services = new ServiceCollection().AddLogging().AddImageStorage(configuration).AddImageStorage(configuration).BuildServiceProvider();

        var flusher = Assert.Single(services.GetServices<IHostedService>());

        Assert.Same(services.GetRequiredService<LocalImageVolumeFlusher>(), flusher);
    }

    [Fact]
    public void Sirv_options_ToString_does_not_show_the_secret()
    {
        var options = new SirvOptions { ClientId = "id", ClientSecret = Secret, PublicUrl = "https://demo.sirv.com" };

        Assert.DoesNotContain(Secret, options.ToString());
        Assert.Contains("id", options.ToString());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddImageStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static async Task StartHostAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddImageStorage(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }
}
