using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Storage.Local;

/// <summary>Local-disk storage settings, bound from environment variables.</summary>
public sealed class LocalImageStorageOptions
{
    public const string StoragePathVariable = "IMAGE_STORAGE_PATH";
    public const string PublicBaseUrlVariable = "PUBLIC_BASE_URL";

    public const string DefaultStoragePath = ".local/images";
    public const string DefaultPublicBaseUrl = "http://127.0.0.1:8080";

    /// <summary>Root folder for images; a relative path is taken from the content root (or the current directory).</summary>
    [ConfigurationKeyName(StoragePathVariable)]
    public string? StoragePath { get; set; }

    /// <summary>Where the API is reachable; image URLs are this plus /media/ plus the storage path.</summary>
    [ConfigurationKeyName(PublicBaseUrlVariable)]
    public string? PublicBaseUrl { get; set; }

    public string ResolveStoragePath() => string.IsNullOrWhiteSpace(StoragePath) ? DefaultStoragePath : StoragePath.Trim();

    public string ResolvePublicBaseUrl() => string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultPublicBaseUrl : PublicBaseUrl.Trim();
}
