using IdeogramJobs.Hosting.Logging;
using IdeogramJobs.Hosting.Telemetry;
using IdeogramJobs.Silo.Commands;
using IdeogramJobs.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceLogging("silo");
builder.AddServiceTelemetry("silo");
builder.Services.AddOptions<DemoOptions>().BindConfiguration(string.Empty);
builder.Services.AddGracefulShutdown();
// The dashboard's collectors; the API serves its pages at /dashboard to the admin key.
builder.UseOrleans(silo => silo.UseIdeogramJobsCluster().UseConfiguredEndpoints().AddDashboard());
builder.AddSiloHttpListener();

using var host = builder.Build();
return await SiloCommand.RunAsync(host, args);
