using System.Globalization;
using IdeogramJobs.Silo.Commands;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>What compose asks of each container: writable volumes, ports, healthchecks, time to stop.</summary>
public sealed class ComposeContainerTests
{
    private const string Silo = "IdeogramJobs.Silo.dll";
    private const string Api = "IdeogramJobs.Api.dll";

    [Fact]
    public void Every_volume_mounted_into_an_image_that_runs_as_app_is_created_and_owned_by_app_in_its_dockerfile()
    {
        var checkedMounts = 0;
        foreach (var service in Deployment.Compose.Services.Values)
        {
            var image = Deployment.ImageOf(service);
            if (image is null || image.User == "root")
            {
                continue;
            }

            foreach (var mount in service.Volumes)
            {
                checkedMounts++;
                Assert.True(
                    image.CreatesAndOwns(mount.Target, image.User),
                    $"{service.Name} mounts '{mount.Source}' at {mount.Target}, but {image.RelativePath} does not create and chown it to '{image.User}' before USER: a new named volume would be root's and every write would fail.");
            }
        }

        Assert.True(checkedMounts > 0, "No volume of a non-root image was found to check.");
    }

    [Fact]
    public void The_image_folder_the_services_write_to_is_the_volume_they_share()
    {
        foreach (var service in Deployment.Running(Silo).Concat(Deployment.Running(Api)))
        {
            var path = Deployment.ContainerEnvironment(service)["IMAGE_STORAGE_PATH"];
            Assert.Contains(service.Volumes, mount => mount.Source == "images" && mount.Target == path);
        }
    }

    [Fact]
    public void Every_published_port_is_the_port_its_service_listens_on()
    {
        var api = Deployment.Compose["api"];
        var apiPort = int.Parse(Deployment.ContainerEnvironment(api)["API_PORT"], CultureInfo.InvariantCulture);
        Assert.Equal([apiPort], api.PublishedContainerPorts);

        var simulatorUrl = new Uri(Deployment.ContainerEnvironment(Deployment.Compose["simulator"])["SIMULATOR_URLS"]);
        foreach (var silo in Deployment.Running(Silo))
        {
            var environment = Deployment.ContainerEnvironment(silo);
            var ideogram = new Uri(environment["IDEOGRAM_BASE_URL"]);
            Assert.True(ideogram.Host == "simulator" && ideogram.Port == simulatorUrl.Port, $"{silo.Name} calls {ideogram}, the simulator listens on {simulatorUrl.Port}");
            Assert.True(
                int.TryParse(environment.GetValueOrDefault(SiloHealthCommand.HttpPortVariable), out var httpPort) && httpPort is > 0 and < 65536,
                $"{silo.Name}: {SiloHealthCommand.HttpPortVariable} must name the port of the health listener its healthcheck probes.");
        }
    }

    [Fact]
    public void Every_long_running_service_has_a_healthcheck_and_dependants_wait_for_it()
    {
        foreach (var service in Deployment.LongRunning)
        {
            Assert.True(service.Healthcheck is { Count: > 0 }, $"{service.Name} has no healthcheck.");
        }

        foreach (var service in Deployment.Compose.Services.Values)
        {
            foreach (var (dependency, condition) in service.DependsOn)
            {
                var expected = Deployment.Compose[dependency].Healthcheck is null ? "service_completed_successfully" : "service_healthy";
                Assert.True(condition == expected, $"{service.Name} waits for {dependency} with {condition}; expected {expected}.");
            }
        }
    }

    [Fact]
    public void The_silo_and_api_healthchecks_run_their_own_health_command()
    {
        foreach (var (service, executable) in Deployment.Running(Silo).Select(s => (s, Silo)).Concat(Deployment.Running(Api).Select(s => (s, Api))))
        {
            Assert.Equal(["CMD", "dotnet", executable, "health"], service.Healthcheck);
        }
    }

    [Fact]
    public void Docker_waits_longer_than_each_service_takes_to_stop_before_killing_it()
    {
        foreach (var silo in Deployment.Running(Silo))
        {
            AssertGraceExceeds(silo, ShutdownTimeouts.Silo(Deployment.ContainerEnvironment(silo)));
        }

        foreach (var api in Deployment.Running(Api))
        {
            AssertGraceExceeds(api, ShutdownTimeouts.Api());
        }
    }

    private static void AssertGraceExceeds(ComposeService service, TimeSpan shutdownTimeout) =>
        Assert.True(
            service.StopGracePeriod > shutdownTimeout,
            $"{service.Name}: stop_grace_period {service.StopGracePeriod?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "unset (10 s)"} must exceed its shutdown timeout of {shutdownTimeout.TotalSeconds} s, or Docker kills it mid-drain.");
}
