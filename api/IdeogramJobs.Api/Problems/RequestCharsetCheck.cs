using System.Text;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// Refuses a JSON body whose Content-Type names a charset .NET cannot decode with a 415 problem.
/// The framework's JSON reading throws on such a charset rather than answering 4xx, so the check
/// comes before any endpoint reads the body.
/// </summary>
public static class RequestCharsetCheck
{
    public static IApplicationBuilder UseRequestCharsetCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (UnknownCharset(context.Request) is not { } charset)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Unsupported charset",
                    Detail = $"The Content-Type names charset '{Shorten(charset)}', which the service cannot decode; send JSON as UTF-8.",
                },
            });
        });

    private static string? UnknownCharset(HttpRequest request)
    {
        if (!request.HasJsonContentType() || !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || mediaType.Charset is not { Length: > 0 } charset)
        {
            return null;
        }

        try
        {
            _ = Encoding.GetEncoding(charset.ToString());
            return null;
        }
        catch (ArgumentException)
        {
            return charset.ToString();
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
