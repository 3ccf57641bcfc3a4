using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Local;

/// <summary>The absolute folder local images live under, shared by the store and the file server.</summary>
public sealed class LocalImageRoot
{
    public LocalImageRoot(IOptions<LocalImageStorageOptions> options, IHostEnvironment? environment = null)
    {
        var configured = options.Value.ResolveStoragePath();
        var baseDirectory = environment?.ContentRootPath is { Length: > 0 } contentRoot ? contentRoot : Directory.GetCurrentDirectory();
        FullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseDirectory, configured)));
    }

    /// <summary>The root folder, absolute, without a trailing separator.</summary>
    public string FullPath { get; }

    /// <summary>The absolute file path for a storage path (which starts with '/').</summary>
    internal string FileFor(string storagePath) =>
        Path.Combine(FullPath, storagePath.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));

    public override string ToString() => FullPath;
}
