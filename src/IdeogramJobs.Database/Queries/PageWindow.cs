namespace IdeogramJobs.Database.Queries;

/// <summary>The rows of a listing to return: offset never negative, limit between 1 and <see cref="MaxLimit"/>.</summary>
internal readonly record struct PageWindow(int Offset, int Limit)
{
    public const int MaxLimit = 200;

    public static PageWindow Of(int offset, int limit) => new(Math.Max(0, offset), Math.Clamp(limit, 1, MaxLimit));
}
