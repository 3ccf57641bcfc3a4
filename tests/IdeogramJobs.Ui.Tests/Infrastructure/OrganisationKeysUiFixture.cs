using IdeogramJobs.Testing;
using Microsoft.Playwright;

namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>
/// A service of its own with a master key, and a browser, for the organisation-keys screen: the shared UI service
/// runs without SECRET_ENCRYPTION_KEYS (its webhooks scenario depends on that), so it cannot store a key.
/// </summary>
public sealed class OrganisationKeysUiFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public MasterKeyServiceFixture Service { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var index = Path.Combine(Path.GetDirectoryName(RepositoryPaths.BuildOutput("api/IdeogramJobs.Api"))!, "wwwroot", "app", "index.html");
        if (!File.Exists(index))
        {
            throw new FileNotFoundException($"{index} is missing: build the UI (cd api/ClientApp && npm ci && npm run build), then build the API again.");
        }

        await Service.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = UiServiceFixture.ChromiumPath,
            Headless = true,
            Args = UiServiceFixture.ChromiumArgs,
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

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.ApiBase.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(UiWaits.Step);
        return page;
    }
}
