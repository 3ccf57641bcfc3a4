using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>Every service gets, from compose and its image, the settings its own start-up validation demands.</summary>
public sealed class ComposeEnvironmentTests
{
    public static TheoryData<string> DotnetServices() =>
        [.. Deployment.Compose.Services.Values.Where(service => Deployment.Executable(service) is not null).Select(service => service.Name)];

    [Theory]
    [MemberData(nameof(DotnetServices))]
    public void Each_service_passes_its_own_start_up_validation_with_the_environment_compose_gives_it(string name)
    {
        var service = Deployment.Compose[name];

        var error = Record.Exception(() =>
            ServiceStartup.Validate(Deployment.Executable(service)!, Deployment.Command(service), Deployment.ContainerEnvironment(service)));

        Assert.True(error is null, $"{name} would refuse to start: {error?.Message}");
    }

    [Fact]
    public void Compose_requires_no_variable_so_down_and_config_work_without_one()
    {
        Assert.Empty(ComposeInterpolation.RequiredNames(ComposeFile.Text));
        Assert.Null(Record.Exception(() => ComposeFile.Load(new Dictionary<string, string>())));
    }

    [Fact]
    public void Without_an_admin_key_the_api_refuses_to_start_naming_ADMIN_API_KEY()
    {
        var api = ComposeFile.Load(new Dictionary<string, string>())["api"];

        var error = Assert.Throws<OptionsValidationException>(() =>
            ServiceStartup.Validate(Deployment.Executable(api)!, Deployment.Command(api), Deployment.ContainerEnvironment(api)));

        Assert.Contains(error.Failures, failure => failure.StartsWith(AdminKeyOptions.Variable, StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_password_with_url_characters_reaches_the_services_unchanged()
    {
        const string password = "p@ss:w/rd#1%?";
        var compose = ComposeFile.Load(new Dictionary<string, string>(Deployment.OperatorEnvironment) { ["MYSQL_PASSWORD"] = password });

        foreach (var service in compose.Services.Values.Where(service => service.Environment.ContainsKey(DatabaseOptions.DatabaseUrlVariable)))
        {
            var options = new DatabaseOptions
            {
                DatabaseUrl = service.Variable(DatabaseOptions.DatabaseUrlVariable),
                DatabasePassword = service.Variable(DatabaseOptions.DatabasePasswordVariable),
            };
            Assert.Equal(password, new MySqlConnector.MySqlConnectionStringBuilder(options.OrleansConnectionString).Password);
        }

        Assert.Equal(password, compose["mysql"].Variable("MYSQL_PASSWORD"));
    }

    [Fact]
    public void The_api_and_the_silos_agree_on_where_images_are_stored_and_served()
    {
        string[] shared = ["SIRV_CLIENT_ID", "SIRV_CLIENT_SECRET", "SIRV_PUBLIC_URL", "IMAGE_STORAGE_PATH", "PUBLIC_BASE_URL"];
        var sirv = new Dictionary<string, string>(Deployment.OperatorEnvironment)
        {
            ["SIRV_CLIENT_ID"] = "client",
            ["SIRV_CLIENT_SECRET"] = "secret",
            ["SIRV_PUBLIC_URL"] = "https://example.sirv.com",
        };
        var compose = ComposeFile.Load(sirv);

        foreach (var silo in Deployment.Running("IdeogramJobs.Silo.dll").Select(service => compose[service.Name]))
        {
            foreach (var variable in shared)
            {
                Assert.True(
                    compose["api"].Variable(variable) == silo.Variable(variable),
                    $"{variable}: api has '{compose["api"].Variable(variable)}', {silo.Name} has '{silo.Variable(variable)}'");
            }
        }
    }
}
