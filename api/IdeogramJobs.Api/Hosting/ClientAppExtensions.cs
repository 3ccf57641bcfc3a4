using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Hosting;

/// <summary>
/// Serves the web UI (api/ClientApp, built into wwwroot/app and copied beside the assembly) from
/// the API's own origin, so the browser needs no CORS. Paths the UI routes itself fall back to
/// index.html; the API's own paths never do, so an unknown API path stays a 404.
/// </summary>
public static class ClientAppExtensions
{
    private const string NotBuiltPage = """
        The IdeogramJobs web UI has not been built.

        Build it, then build the API again so the output is copied beside it:

            cd api/ClientApp && npm ci && npm run build

        The REST API is unaffected: its OpenAPI document is at /openapi/v1.json.
        """;

    private static readonly string[] ServerPaths = ["/api", "/media", "/health", "/openapi", "/metrics", "/dashboard"];

    /// <summary>The UI's folder: looked up beside the assembly, not in the working directory, so any launcher finds it.</summary>
    public static string ClientAppRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot", "app");

    public static WebApplication UseClientApp(this WebApplication app)
    {
        var index = Path.Combine(ClientAppRoot, "index.html");
        if (!File.Exists(index))
        {
            app.MapGet("/", () => TypedResults.Text(NotBuiltPage, "text/plain; charset=utf-8")).ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(ClientAppRoot);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context => SetCaching(context.Context.Response, context.Context.Request.Path),
        });

        // A page load the API has no endpoint for is one of the UI's own routes. Done as middleware
        // rather than a fallback endpoint, so the API's 404s and 405s stay exactly as they were.
        app.Use(async (context, next) =>
        {
            if (!IsUiRoute(context))
            {
                await next(context);
                return;
            }

            SetCaching(context.Response, "/index.html");
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
        });
        return app;
    }

    private static bool IsUiRoute(HttpContext context) =>
        context.GetEndpoint() is null
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !Path.HasExtension(context.Request.Path.Value)
        && !ServerPaths.Any(prefix => context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Vite names assets by content hash, so they never change; index.html must be revalidated to pick up new ones.</summary>
    private static void SetCaching(HttpResponse response, PathString path) =>
        response.Headers[HeaderNames.CacheControl] = path.StartsWithSegments("/assets", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
