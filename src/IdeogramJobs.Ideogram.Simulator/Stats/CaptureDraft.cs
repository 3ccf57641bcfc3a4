namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>What the handler learns about a request as it goes, captured once it has an answer (or its client left).</summary>
public sealed class CaptureDraft
{
    public List<CapturedField> Fields { get; } = [];

    public double? LatencySeconds { get; set; }
}
