namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>Bounds of what the browser tests wait for: one UI step, and a whole job on the simulator.</summary>
public static class UiWaits
{
    public const float Step = 15_000;

    public const float Job = 90_000;
}
