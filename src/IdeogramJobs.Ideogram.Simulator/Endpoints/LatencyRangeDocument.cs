namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>A rendering speed's generation times at the current latency scale, in seconds.</summary>
public sealed record LatencyRangeDocument(double Min, double Max);
