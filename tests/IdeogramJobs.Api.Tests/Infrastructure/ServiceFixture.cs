namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>The service as most API tests use it: a simulator that answers at once, and event streams that keep alive every second.</summary>
public sealed class ServiceFixture() : LoopbackServiceFixture(IdeogramKey)
{
    /// <summary>The Ideogram key the silo is given, which must never show anywhere.</summary>
    public const string IdeogramKey = "api-tests-ideogram-key";

    /// <summary>The interval of keep-alive comments on the API's event streams.</summary>
    public const int HeartbeatSeconds = 1;

    protected override Dictionary<string, string?> Configure(LoopbackProcess process, Dictionary<string, string?> environment)
    {
        if (process is LoopbackProcess.Api or LoopbackProcess.Silo)
        {
            // The dashboard tests need it on both sides; it is off unless asked for.
            environment["ORLEANS_DASHBOARD"] = "true";
        }

        if (process == LoopbackProcess.Api)
        {
            // Event-stream tests see keep-alive comments within seconds rather than the default 15.
            environment["SSE_HEARTBEAT_SECONDS"] = HeartbeatSeconds.ToString();
        }

        return environment;
    }
}
