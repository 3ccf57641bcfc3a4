using IdeogramJobs.Database.Connections;
using IdeogramJobs.Hosting.Cluster;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace IdeogramJobs.Api.Hosting;

public static class ClusterClientExtensions
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// An Orleans client that finds the silos' gateways through the membership table. The API
    /// starts serving even before a silo is up (its health says which part is missing), and the
    /// client keeps trying to connect in the background rather than failing the process.
    /// </summary>
    public static WebApplicationBuilder AddClusterClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterIdentityOptions>().BindConfiguration(string.Empty);
        // Kestrel must not wait for the cluster connection to listen.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);

        builder.UseOrleansClient(client =>
        {
            client.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterIdentityOptions>>((o, identity) =>
            {
                o.ClusterId = identity.Value.ClusterId;
                o.ServiceId = identity.Value.ServiceId;
            });

            client.UseAdoNetClustering(options => options.Configure<OrleansDatabase>((o, database) =>
            {
                o.Invariant = "MySql.Data.MySqlConnector";
                o.DataSource = database.DataSource;
            }));

            // Grain calls carry the request's trace into the silos.
            client.AddActivityPropagation();

            // The dashboard's pages and API, served at /dashboard (see OperationsEndpoints).
            if (OrleansDashboardOptions.IsEnabled(builder.Configuration))
            {
                client.AddDashboard();
            }

            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                await Task.Delay(ReconnectDelay, cancellationToken);
                return !cancellationToken.IsCancellationRequested;
            });
        });

        return builder;
    }
}
