namespace IdeogramJobs.Grains.Jobs;

/// <summary>What came of taking a job's row over from another attempt (see <see cref="JobTakeOver"/>).</summary>
public sealed record TakeOverOutcome
{
    /// <summary>The owner may still run: look again after this long.</summary>
    public TimeSpan? RecheckIn { get; private init; }

    /// <summary>The row is this activation's now, read again (null when it was deleted meanwhile).</summary>
    public bool Taken { get; private init; }

    /// <summary>Why the job must fail now that it is taken over (it was interrupted too often), or null.</summary>
    public string? Failure { get; private init; }

    /// <summary>The row changed meanwhile (another activation took it, or it ended): follow the row.</summary>
    public static readonly TakeOverOutcome Lost = new();

    public static TakeOverOutcome NotYet(TimeSpan recheckIn) => new() { RecheckIn = recheckIn };

    public static TakeOverOutcome Done(string? failure) => new() { Taken = true, Failure = failure };
}
