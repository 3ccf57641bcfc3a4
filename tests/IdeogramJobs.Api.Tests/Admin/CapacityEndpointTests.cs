using System.Net;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Admin;

[Collection(ServiceCollection.Name)]
public sealed class CapacityEndpointTests(ServiceFixture service)
{
    private const string Capacity = "/api/admin/capacity";

    [Fact]
    public async Task The_admin_key_sees_ideogram_s_capacity_and_the_silo_counting_it()
    {
        using var clusterResponse = await service.Admin.GetAsync("/api/admin/cluster");
        var silo = Assert.Single((await clusterResponse.ReadJsonAsync(HttpStatusCode.OK))["silos"]!.AsArray())!;

        using var response = await service.Admin.GetAsync(Capacity);

        var capacity = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, capacity["capacity"]!.GetValue<int>());
        Assert.InRange(capacity["inUse"]!.GetValue<int>(), 0, 10);
        Assert.True(capacity["waiting"]!.GetValue<int>() >= 0, $"waiting: {capacity}");
        Assert.True(capacity["maxInUseObserved"]!.GetValue<int>() >= 0, $"max in use: {capacity}");
        Assert.Equal(silo["siloAddress"]!.GetValue<string>(), capacity["silo"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_account_key_is_a_403_problem_and_no_key_a_401_problem()
    {
        var user = await service.NewAccountAsync();

        using var asUser = await user.Http.GetAsync(Capacity);
        await asUser.ReadProblemAsync(HttpStatusCode.Forbidden);

        using var anonymous = await service.Anonymous().GetAsync(Capacity);
        await anonymous.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }
}
