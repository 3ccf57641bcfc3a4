using IdeogramJobs.Storage.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Storage.Tests.Support;

/// <summary>The storage library wired by AddImageStorage without Sirv variables, rooted in a temporary folder.</summary>
public sealed class LocalStoreHarness : IDisposable
{
    /// <param name="publicBaseUrl">PUBLIC_BASE_URL, or null for the default.</param>
    /// <param name="root">An existing image root to reuse (a restart over the same volume), or null for a fresh one.</param>
    public LocalStoreHarness(string? publicBaseUrl = null, string? root = null)
    {
        Folder = new TemporaryDirectory();
        Root = root ?? Path.Combine(Folder.Path, "images");
        var variables = new Dictionary<string, string?>
        {
            [LocalImageStorageOptions.StoragePathVariable] = Root,
            [LocalImageStorageOptions.PublicBaseUrlVariable] = publicBaseUrl,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();
        Services = new ServiceCollection()
            .AddLogging()
            .AddImageStorage(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TemporaryDirectory Folder { get; }

    /// <summary>IMAGE_STORAGE_PATH: a folder inside <see cref="Folder"/>, so files beside it are "outside the root".</summary>
    public string Root { get; }

    public ServiceProvider Services { get; }

    public IImageStore Store => Services.GetRequiredService<IImageStore>();

    public LocalImageFiles Files => Services.GetRequiredService<LocalImageFiles>();

    public LocalImageVolumeFlusher Flusher => Services.GetRequiredService<LocalImageVolumeFlusher>();

    public LocalImageRepair Repair => Services.GetRequiredService<LocalImageRepair>();

    /// <summary>Every file under the root but the flush marker, which is the volume's and not an image.</summary>
    public IReadOnlyList<string> AllFilesUnderRoot() =>
        Directory.Exists(Root)
            ? [.. Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(file => Path.GetFileName(file) != LocalImageFlushMarker.FileName)]
            : [];

    public void Dispose()
    {
        Services.Dispose();
        Folder.Dispose();
    }
}
