using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace IdeogramJobs.Api.Problems;

public static class ApiProblemsExtensions
{
    /// <summary>
    /// RFC 7807 problems for every error: binding failures are thrown (rather than answered with an
    /// empty 400) so that <see cref="BadRequestProblemHandler"/> can say which field was wrong, and
    /// the framework's bare 413 and 415 say what the endpoint accepts. Problems are JSON whatever the
    /// request's Accept header asks for (<see cref="AnyAcceptProblemWriter"/>), and a database that cannot be
    /// reached is a 503 with Retry-After (<see cref="DatabaseUnavailableProblemHandler"/>).
    /// </summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Detail ??= problem.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => MaxBodyDetail(context.HttpContext),
                StatusCodes.Status415UnsupportedMediaType => "This endpoint does not accept this content type; JSON endpoints take application/json.",
                _ => null,
            };
        });
        services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemWriter>();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        services.AddExceptionHandler<DatabaseUnavailableProblemHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    private static string MaxBodyDetail(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"This endpoint accepts bodies of at most {bytes} bytes.")
            : "The body is larger than this endpoint accepts.";
}
