using System.Globalization;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Behaviour;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// <c>/_simulator/*</c>: read and change the settings, read and reset the counters, read the captured
/// requests. No authentication: the simulator listens on loopback only.
/// </summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/_simulator");
        control.MapGet("/config", (SimulatorSettingsStore settings) => Results.Json(SimulatorConfigDocument.From(settings.Current)));
        control.MapPut("/config", ReplaceConfigAsync);
        control.MapPost("/reset", (SimulatorStats stats, CapturedRequestLog captured, FailureInjector injector, SimulatorSettingsStore settings, ILoggerFactory loggers) =>
        {
            stats.Reset();
            captured.Clear();
            injector.Restart(settings.Current.Seed);
            loggers.CreateLogger(typeof(ControlEndpoints)).LogInformation("Counters and captured requests cleared");
            return Results.NoContent();
        });
        control.MapGet("/stats", (SimulatorStats stats) => Results.Json(stats.Snapshot()));
        control.MapGet("/stats/prompts", (HttpRequest request, SimulatorStats stats) =>
        {
            var minimumText = request.Query["minimum"].ToString();
            long minimum = 1;
            if (minimumText.Length > 0 && !long.TryParse(minimumText, NumberStyles.None, CultureInfo.InvariantCulture, out minimum))
            {
                return ProviderResults.BadRequest($"'{minimumText}' is not a whole number of 0 or more - 'minimum'");
            }
            return Results.Json(stats.BilledPerPrompt(minimum));
        });
        control.MapGet("/requests", (HttpRequest request, CapturedRequestLog captured) =>
        {
            var limitText = request.Query["limit"].ToString();
            var limit = CapturedRequestLog.Capacity;
            if (limitText.Length > 0 && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return ProviderResults.BadRequest($"'{limitText}' is not a whole number of 0 or more - 'limit'");
            }
            return Results.Json(captured.Latest(limit));
        });
        return endpoints;
    }

    private static async Task<IResult> ReplaceConfigAsync(
        HttpRequest request, SimulatorSettingsStore settings, FailureInjector injector, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            return ProviderResults.BadRequest($"The body is not valid JSON: {exception.Message} - 'body'");
        }
        using (body)
        {
            var (updated, errors) = SimulatorConfigUpdate.Apply(body.RootElement, settings.Current);
            if (updated is not null)
            {
                errors = settings.TryReplace(updated);
            }
            if (errors.Count > 0)
            {
                return ProviderResults.BadRequest(string.Join(" ", errors) + " - 'config'");
            }
            if (body.RootElement.TryGetProperty("seed", out _))
            {
                injector.Restart(settings.Current.Seed);
            }
            loggers.CreateLogger(typeof(ControlEndpoints)).LogInformation("Simulator settings replaced: {Settings}", SimulatorConfigDocument.From(settings.Current));
            return Results.Json(SimulatorConfigDocument.From(settings.Current));
        }
    }
}
