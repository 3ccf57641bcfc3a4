using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace IdeogramJobs.Api.Problems;

/// <summary>
/// A request the framework could not bind (malformed JSON, a value of the wrong type, a missing
/// body, an unparsable query value) becomes a 400 problem naming each offending field, instead of
/// an empty response; other refusals keep their status (see <see cref="ApiProblemsExtensions"/>).
/// </summary>
public sealed partial class BadRequestProblemHandler(IProblemDetailsService problems, ILogger<BadRequestProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogInformation("Refused a request to {Path} with {Status}: {Reason}", httpContext.Request.Path, bad.StatusCode, Reason(bad));
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetailsContext { HttpContext = httpContext, Exception = exception };
        problem.ProblemDetails.Status = bad.StatusCode;
        if (bad.StatusCode == StatusCodes.Status400BadRequest)
        {
            var errors = Describe(bad);
            problem.ProblemDetails.Title = "The request is malformed.";
            problem.ProblemDetails.Detail = string.Join(" ", errors.Select(e => e.Message));
            problem.ProblemDetails.Extensions["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            problem.ProblemDetails.Extensions["fieldErrors"] = errors.Select(e => new { field = e.Field, message = e.Message }).ToArray();
        }

        return await problems.TryWriteAsync(problem);
    }

    private static IReadOnlyList<(string Field, string Message)> Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => JsonBodyError.Describe(json),
        _ when bad.Message.Contains("from body", StringComparison.Ordinal) || bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
            [(JsonBodyError.BodyField, "A JSON body is required.")],
        _ when Parameter().Match(bad.Message) is { Success: true } parameter =>
            [(parameter.Groups["name"].Value, $"{parameter.Groups["name"].Value} must be {Expected(parameter.Groups["type"].Value)}.")],
        _ => [("request", bad.Message)],
    };

    private static string Expected(string type) => type.TrimEnd('?') switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number in range",
        "bool" or "Boolean" => "true or false",
        "DateTime" or "DateTimeOffset" => "an ISO date-time",
        _ => "a valid value",
    };

    /// <summary>The kind of fault only: the message may quote the caller's input.</summary>
    private static string Reason(BadHttpRequestException bad) => bad.InnerException?.GetType().Name ?? nameof(BadHttpRequestException);

    /// <summary>"Failed to bind parameter "int offset" from "x"." names the parameter offset of type int.</summary>
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\"")]
    private static partial Regex Parameter();
}
