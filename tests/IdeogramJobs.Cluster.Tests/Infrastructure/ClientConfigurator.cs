using IdeogramJobs.Database.Connections;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace IdeogramJobs.Cluster.Tests.Infrastructure;

/// <summary>The client finds the silos' gateways in the MariaDB membership table and carries the caller's trace, as the API does.</summary>
public sealed class ClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "MySql.Data.MySqlConnector";
                o.ConnectionString = new DatabaseOptions { DatabaseUrl = configuration["DATABASE_URL"] }.OrleansConnectionString;
            })
            .AddActivityPropagation();
}
