namespace IdeogramJobs.Database.Logs;

/// <summary>ssnews_system_logs.level.</summary>
public enum SystemLogLevel
{
    Info,
    Warn,
    Error,
    Debug,
}
