using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using IdeogramJobs.Hosting.Logging;
using IdeogramJobs.Silo.Commands;
using IdeogramJobs.Silo.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceLogging("silo");
builder.Services.AddOptions<DemoOptions>().BindConfiguration(string.Empty);
builder.Services.AddGracefulShutdown();
builder.UseOrleans(silo => silo.UseIdeogramJobsCluster().UseConfiguredEndpoints());

using var host = builder.Build();
return await SiloCommand.RunAsync(host, args);
