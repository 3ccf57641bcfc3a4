using System.Net;
using System.Text.Json;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Admin;

[Collection(ServiceCollection.Name)]
public sealed class ClusterEndpointTests(ServiceFixture service)
{
    private const string Cluster = "/api/admin/cluster";

    [Fact]
    public async Task The_admin_key_sees_the_one_active_silo_with_its_activations_and_memory_in_bytes()
    {
        using var response = await service.Admin.GetAsync(Cluster);

        var silo = Assert.Single((await response.ReadJsonAsync(HttpStatusCode.OK))["silos"]!.AsArray())!;
        Assert.Equal("Active", silo["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(silo["siloAddress"]!.GetValue<string>()));
        Assert.True(silo["activationCount"]!.GetValue<int>() > 0, $"activations: {silo}");
        Assert.Equal(JsonValueKind.Number, silo["memoryUsageBytes"]!.GetValueKind());
        Assert.True(silo["memoryUsageBytes"]!.GetValue<long>() > 0, $"memory: {silo}");
        Assert.True(silo["maximumAvailableMemoryBytes"]!.GetValue<long>() > 0, $"memory limit: {silo}");
        Assert.NotNull(silo["asOf"]);
    }

    [Fact]
    public async Task An_account_key_is_a_403_problem_and_no_key_a_401_problem()
    {
        var user = await service.NewAccountAsync();

        using var asUser = await user.Http.GetAsync(Cluster);
        var problem = await asUser.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Service administration needs the service admin key.", problem["detail"]!.GetValue<string>());

        using var anonymous = await service.Anonymous().GetAsync(Cluster);
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}
