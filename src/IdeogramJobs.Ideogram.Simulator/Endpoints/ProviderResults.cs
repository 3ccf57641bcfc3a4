namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>The responses the provider route answers with, in Ideogram's shapes.</summary>
public static class ProviderResults
{
    public static IResult Unauthorized(string message) =>
        Results.Json(new ProviderError(message), statusCode: StatusCodes.Status401Unauthorized);

    public static IResult BadRequest(string detail) =>
        Results.Json(new ProblemBody(detail), contentType: "application/problem+json", statusCode: StatusCodes.Status400BadRequest);

    public static IResult UnsafePrompt() =>
        Results.Json(new ProviderError("The prompt did not pass the safety check (simulated)."), statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult InflightLimit(int inflight, int requested, int limit) =>
        Results.Json(
            new ProviderError(
                $"Too many images in flight: {inflight} in flight and {requested} requested would exceed the limit of {limit}.",
                "inflight_limit",
                limit),
            statusCode: StatusCodes.Status429TooManyRequests);

    public static IResult RateLimited() =>
        Results.Json(new ProviderError("Rate limit exceeded (simulated)."), statusCode: StatusCodes.Status429TooManyRequests);

    public static IResult ServerError() =>
        Results.Json(new ProviderError("Internal server error (simulated)."), statusCode: StatusCodes.Status500InternalServerError);

    public static IResult ServiceUnavailable() =>
        Results.Json(new ProviderError("Service unavailable (simulated)."), statusCode: StatusCodes.Status503ServiceUnavailable);

    public static IResult HangEnded() =>
        Results.Json(new ProviderError("The request hung and timed out (simulated)."), statusCode: StatusCodes.Status504GatewayTimeout);
}
