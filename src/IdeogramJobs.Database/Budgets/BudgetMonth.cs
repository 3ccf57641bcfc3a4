using System.Globalization;

namespace IdeogramJobs.Database.Budgets;

/// <summary>The calendar month (UTC) budgets are counted in, and its name ("yyyy-MM") as alerts and standings carry it.</summary>
public static class BudgetMonth
{
    public static DateTime Start(DateTime utc) => new(utc.Year, utc.Month, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Name(DateTime monthStart) => monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
