namespace IdeogramJobs.Benchmarks.Scenarios;

/// <summary>
/// One phase of scenario 15: its jobs' images (drawn uniformly from <paramref name="MinImages"/> to
/// <paramref name="MaxImages"/>), the warm-up before its window and the window measured.
/// </summary>
public sealed record KeyScaleShape(string Label, int MinImages, int MaxImages, TimeSpan WarmUp, TimeSpan Window);
