using System.Net;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Operations;

[Collection(ServiceCollection.Name)]
public sealed class DashboardTests(ServiceFixture service)
{
    private const string Dashboard = "/dashboard/";

    [Fact]
    public async Task The_dashboard_without_a_key_is_401()
    {
        using var anonymous = service.Anonymous();
        using var response = await anonymous.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_with_an_account_key_is_403()
    {
        var user = await service.NewAccountAsync();
        var accountAdmin = await service.NewAccountAsync("admin");

        using var asUser = await user.Http.GetAsync(Dashboard);
        using var asAccountAdmin = await accountAdmin.Http.GetAsync(Dashboard);

        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAccountAdmin.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_with_the_admin_key_is_served()
    {
        using var response = await service.Admin.GetAsync(Dashboard);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/dashboard/ answered {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }
}
