using System.Globalization;
using IdeogramJobs.Database.Connections;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using MySqlConnector;
using Orleans.Serialization;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// A request that failed because the database cannot be reached (here, or inside a grain the request
/// called) becomes a 503 problem with Retry-After instead of a 500: the client did nothing wrong and
/// the same request will work once the database is back. The text names no host, user or statement.
/// </summary>
/// <remarks>
/// Orleans cannot carry MySqlConnector's exceptions across a grain call: the caller gets a
/// <see cref="CodecNotFoundException"/> naming the driver's type instead (or a fallback exception that
/// keeps only the name), and whether the statement was at fault or the server was gone is lost on
/// the way. For those the database is asked directly, briefly: a 503 only when it does not answer.
/// </remarks>
public sealed class DatabaseUnavailableProblemHandler(
    C360ReqDatabase database,
    IProblemDetailsService problems,
    ILogger<DatabaseUnavailableProblemHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    public const string Title = "The database is unavailable.";

    private const string DriverNamespace = "MySqlConnector.";
    private static readonly TimeSpan ProbeBound = TimeSpan.FromSeconds(2);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || !(DatabaseUnavailable.Is(exception) || (FromDriverInGrain(exception) && !await AnswersAsync(cancellationToken))))
        {
            return false;
        }

        logger.LogWarning("Answered {Path} with 503: the database is unavailable ({Exception})", httpContext.Request.Path, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = Title,
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"The service cannot reach its database right now, so this request may not have taken effect. Retry in {RetryAfterSeconds} s; an Idempotency-Key makes a repeated submission safe."),
            },
        });
    }

    /// <summary>Whether a grain call failed with a database driver exception Orleans could not carry to this process.</summary>
    public static bool FromDriverInGrain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is CodecNotFoundException && e.Message.Contains(DriverNamespace, StringComparison.Ordinal)
                || e is UnavailableExceptionFallbackException { ExceptionType: { } type } && type.StartsWith(DriverNamespace, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(ProbeBound);
        try
        {
            await using var connection = await database.OpenConnectionAsync(bound.Token);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(bound.Token);
            return true;
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
