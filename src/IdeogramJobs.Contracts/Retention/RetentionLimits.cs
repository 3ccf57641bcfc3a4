namespace IdeogramJobs.Contracts.Retention;

/// <summary>The longest periods a policy or an override may set: ten years, in days or hours.</summary>
public static class RetentionLimits
{
    public const int MaxDays = 3650;
    public const int MaxHours = MaxDays * 24;
}
