using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Storage.Local;

/// <summary>Local-disk storage settings, bound from environment variables.</summary>
public sealed class LocalImageStorageOptions
{
    public const string StoragePathVariable = "IMAGE_STORAGE_PATH";
    public const string PublicBaseUrlVariable = "PUBLIC_BASE_URL";
    public const string FlushIntervalVariable = "IMAGE_FLUSH_INTERVAL_MS";

    public const string DefaultStoragePath = ".local/images";
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:8080";
    public const int DefaultFlushIntervalMilliseconds = 1000;
    public const int MinFlushIntervalMilliseconds = 10;
    public const int MaxFlushIntervalMilliseconds = 60_000;

    /// <summary>Root folder for images; a relative path is taken from the content root (or the current directory).</summary>
    [ConfigurationKeyName(StoragePathVariable)]
    public string? StoragePath { get; set; }

    /// <summary>Where the API is reachable; image URLs are this plus /media/ plus the storage path.</summary>
    [ConfigurationKeyName(PublicBaseUrlVariable)]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// How often image files written since the last sync are synced to disk together. An OS crash or power
    /// loss can lose the files of about this long (found and handled by the repair pass at start); a process
    /// crash loses nothing.
    /// </summary>
    [ConfigurationKeyName(FlushIntervalVariable)]
    public int FlushIntervalMilliseconds { get; set; } = DefaultFlushIntervalMilliseconds;

    public string ResolveStoragePath() => string.IsNullOrWhiteSpace(StoragePath) ? DefaultStoragePath : StoragePath.Trim();

    public string ResolvePublicBaseUrl() => string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultPublicBaseUrl : PublicBaseUrl.Trim();
}
