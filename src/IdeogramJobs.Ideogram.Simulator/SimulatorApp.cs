using IdeogramJobs.Ideogram.Simulator.Endpoints;
using IdeogramJobs.Ideogram.Simulator.Options;

namespace IdeogramJobs.Ideogram.Simulator;

/// <summary>
/// Builds the simulator as a web application, for the executable and for tests that start it on
/// <c>http://127.0.0.1:0</c> and read the bound address after <c>StartAsync</c>.
/// </summary>
public static class SimulatorApp
{
    /// <summary>
    /// Builds the simulator. Listening address: <c>--urls</c>, else SIMULATOR_URLS, else
    /// http://127.0.0.1:5199; <paramref name="configure"/> runs last and may set any option, Urls included.
    /// </summary>
    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure = null) =>
        Build(args, configure, _ => { });

    /// <summary>
    /// As <see cref="Build(string[], Action{SimulatorOptions}?)"/>, with <paramref name="configureHost"/>
    /// run after the simulator's registrations, e.g. to register a FakeTimeProvider or a logger provider.
    /// </summary>
    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure, Action<WebApplicationBuilder> configureHost)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(SimulatorApp).Assembly.GetName().Name,
        });

        // Only an explicit --urls overrides SIMULATOR_URLS; ASPNETCORE_URLS from the environment does not.
        var commandLineUrls = new ConfigurationBuilder().AddCommandLine(args).Build()["urls"];
        void Configure(SimulatorOptions options)
        {
            if (!string.IsNullOrEmpty(commandLineUrls))
            {
                options.Urls = commandLineUrls;
            }
            configure?.Invoke(options);
        }

        builder.Services.AddIdeogramSimulator(builder.Configuration, Configure);
        // One line per request comes from the simulator itself; the framework's per-request lines are noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Kestrel needs the address before the container exists; validation at start still checks it.
        var listening = new SimulatorOptions();
        builder.Configuration.Bind(listening);
        Configure(listening);
        builder.WebHost.UseUrls(listening.Urls);

        configureHost(builder);

        var app = builder.Build();
        app.MapIdeogramSimulator();
        return app;
    }
}
