using IdeogramJobs.Hosting.Logging;
using IdeogramJobs.Hosting.Telemetry;
using IdeogramJobs.Silo.Commands;
using IdeogramJobs.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceLogging("silo");
builder.AddServiceTelemetry("silo");
builder.Services.AddOptions<DemoOptions>().BindConfiguration(string.Empty);
builder.Services.AddGracefulShutdown();
builder.UseOrleans(silo => silo.UseIdeogramJobsCluster().UseConfiguredEndpoints().AddDashboardWhenEnabled(builder.Configuration));
builder.AddSiloHttpListener();

using var host = builder.Build();
return await SiloCommand.RunAsync(host, args);
