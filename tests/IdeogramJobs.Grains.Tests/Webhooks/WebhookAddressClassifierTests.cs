using System.Net;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Grains.Tests.Webhooks;

public sealed class WebhookAddressClassifierTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    public void Private_loopback_link_local_and_special_addresses_are_not_public(string address)
    {
        Assert.False(WebhookAddressClassifier.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Internet_addresses_are_public(string address)
    {
        Assert.True(WebhookAddressClassifier.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://localhost/hook")]
    public async Task Registration_refuses_urls_that_reach_non_public_addresses(string url)
    {
        var problem = await Policy(null).ProblemAsync(url, CancellationToken.None);

        Assert.NotNull(problem);
        Assert.Contains(WebhookOptions.AllowedHostsVariable, problem);
    }

    [Theory]
    [InlineData("ftp://93.184.215.14/hook")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative")]
    [InlineData("http://user:pass@93.184.215.14/hook")]
    public async Task Registration_refuses_other_schemes_relative_urls_and_credentials(string url)
    {
        Assert.NotNull(await Policy(null).ProblemAsync(url, CancellationToken.None));
    }

    [Fact]
    public async Task The_allow_list_admits_its_hosts_addresses_and_ranges_only()
    {
        var policy = Policy("127.0.0.1, 10.0.0.0/8, internal.example");

        Assert.Null(await policy.ProblemAsync("http://127.0.0.1:8080/hook", CancellationToken.None));
        Assert.Null(await policy.ProblemAsync("http://10.9.8.7/hook", CancellationToken.None));
        Assert.NotNull(await policy.ProblemAsync("http://169.254.169.254/", CancellationToken.None));
        Assert.True(policy.MayConnect("internal.example", IPAddress.Parse("192.168.0.9")));
        Assert.True(policy.MayConnect("other.example", IPAddress.Parse("::ffff:10.1.1.1")));
        Assert.False(policy.MayConnect("other.example", IPAddress.Parse("192.168.0.9")));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not a host!")]
    public void An_allow_list_entry_that_is_no_host_address_or_range_is_refused_at_start(string entry)
    {
        var result = new WebhookOptionsValidator().Validate(null, new WebhookOptions { AllowedHosts = entry });

        Assert.True(result.Failed);
        Assert.Contains(WebhookOptions.AllowedHostsVariable, result.FailureMessage);
    }

    private static WebhookUrlPolicy Policy(string? allowed) => new(Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowedHosts = allowed }));
}
