using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using Microsoft.Playwright;

namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>
/// The whole service (simulator, silo, API serving the built UI) plus Debian's headless Chromium
/// driven by Playwright. No browser is downloaded: Playwright launches /usr/bin/chromium.
/// </summary>
public sealed class UiServiceFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public ServiceFixture Service { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotFolder { get; } = Path.Combine(RepositoryPaths.Root, "artifacts", "ui-screenshots");

    public async Task InitializeAsync()
    {
        var index = Path.Combine(Path.GetDirectoryName(RepositoryPaths.BuildOutput("api/IdeogramJobs.Api"))!, "wwwroot", "app", "index.html");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"{index} is missing: build the UI (cd api/ClientApp && npm ci && npm run build), then build the API again.");
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium).");
        }

        // The folder shows the screens of this run only.
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        await Service.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Service.DisposeAsync();
    }

    /// <summary>A fresh browser session (its own sessionStorage) at laptop width, or phone width when asked.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.ApiBase.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(UiWaits.Step);
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
