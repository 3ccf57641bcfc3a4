using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>How the scripted host answers one generate request.</summary>
public sealed class GenerateScript(Func<HttpContext, ScriptedIdeogramHost, CancellationToken, Task> respond)
{
    public Func<HttpContext, ScriptedIdeogramHost, CancellationToken, Task> Respond { get; } = respond;

    /// <summary>200 with one entry per image id; the images are served by the same host at /images/{id}.png.</summary>
    public static GenerateScript Success(params string[] imageIds) =>
        Json(200, host =>
        {
            var entries = imageIds.Select((id, i) => string.Create(CultureInfo.InvariantCulture,
                $$"""{"url":"{{host.ImageUrl(id)}}","prompt":"rewritten prompt {{i}}","resolution":"1312x736","is_image_safe":true,"seed":{{1000 + i}},"style_type":"DESIGN"}"""));
            return $$"""{"created":"2026-01-02T03:04:05+00:00","data":[{{string.Join(",", entries)}}]}""";
        });

    public static GenerateScript Json(int status, Func<ScriptedIdeogramHost, string> body, string? retryAfter = null) =>
        new(async (context, host, _) =>
        {
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body(host)));
        });

    public static GenerateScript Json(int status, string body, string? retryAfter = null) => Json(status, _ => body, retryAfter);

    public static GenerateScript Text(int status, string contentType, string body) =>
        new(async (context, _, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        });

    public static GenerateScript Redirect(Func<ScriptedIdeogramHost, string> location) =>
        new((context, host, _) =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = location(host);
            return Task.CompletedTask;
        });

    /// <summary>Never answers: holds the request until the client gives up or the host stops.</summary>
    public static GenerateScript Hang() =>
        new(async (context, _, stopping) =>
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            try
            {
                await Task.Delay(Timeout.Infinite, either.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
            }
        });
}
