using Microsoft.Playwright;

namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>The steps every scenario shares: signing in with a key, and moving between screens.</summary>
public static class SignedInPage
{
    public static async Task SignInAsync(this IPage page, string key)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Screens" }).WaitForAsync();
    }

    public static async Task OpenScreenAsync(this IPage page, string name)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Screens" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 }).WaitForAsync();
    }
}
