using System.Net;
using IdeogramJobs.Database;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Grains;
using IdeogramJobs.Grains.Recovery;
using IdeogramJobs.Grains.Webhooks;
using IdeogramJobs.Hosting.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace IdeogramJobs.Silo.Hosting;

public static class ClusterSiloBuilderExtensions
{
    private const string MySqlInvariant = "MySql.Data.MySqlConnector";

    /// <summary>
    /// Membership and reminders on MySQL, trace propagation, plus the services grains use. Shared by the silo host
    /// and the test clusters, which bring their own ports and cluster ids. No grain storage provider: grains keep
    /// their state in the c360req tables (ARCHITECTURE.md, "Where state lives").
    /// </summary>
    public static ISiloBuilder UseIdeogramJobsCluster(this ISiloBuilder silo)
    {
        silo.Services.AddDatabase();
        silo.Services.AddJobEngine(silo.Configuration);
        silo.Services.AddHostedService<DeadSiloRecovery>();
        silo.Services.AddWebhookDelivery();

        // Direct probes only. With indirect ones, a survivor near its vote asks another survivor to probe the lost
        // silo, whose own probe takes the same timeout as the request: the request times out first, counts as
        // inconclusive, and in a small cluster the lost silo can stay Active for good (seen in bench scenario 12).
        silo.Services.Configure<ClusterMembershipOptions>(o => o.EnableIndirectProbes = false);

        // Grain calls carry the caller's trace, so a job's Ideogram call joins the request that submitted it.
        silo.AddActivityPropagation();

        // Every provider opens its connections from one data source whose sessions run in UTC.
        silo.UseAdoNetClustering(options => options.Configure<OrleansDatabase>((o, database) =>
        {
            o.Invariant = MySqlInvariant;
            o.DataSource = database.DataSource;
        }));

        silo.UseAdoNetReminderService(options => options.Configure<OrleansDatabase>((o, database) =>
        {
            o.Invariant = MySqlInvariant;
            o.DataSource = database.DataSource;
        }));

        return silo;
    }

    /// <summary>Cluster identity and this silo's endpoints from the environment (the production host).</summary>
    public static ISiloBuilder UseConfiguredEndpoints(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<ClusterIdentityOptions>().BindConfiguration(string.Empty);
        silo.Services.AddOptions<SiloEndpointOptions>().BindConfiguration(string.Empty).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<SiloEndpointOptions>, SiloEndpointOptionsValidator>();

        silo.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterIdentityOptions>>((o, identity) =>
        {
            o.ClusterId = identity.Value.ClusterId;
            o.ServiceId = identity.Value.ServiceId;
        });

        silo.Services.AddOptions<EndpointOptions>().Configure<IOptions<SiloEndpointOptions>>((o, configured) =>
        {
            var endpoints = configured.Value;
            var advertised = endpoints.ResolveAdvertisedAddress();
            var listen = endpoints.ListenOnAnyAddress ? IPAddress.Any : advertised;
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = endpoints.SiloPort;
            o.GatewayPort = endpoints.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, endpoints.SiloPort);
            o.GatewayListeningEndpoint = new IPEndPoint(listen, endpoints.GatewayPort);
        });

        return silo;
    }
}
