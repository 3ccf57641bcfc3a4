using IdeogramJobs.Ideogram.Simulator.Imaging;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>Maps the provider route, the image route and the control endpoints, and marks every response as simulated.</summary>
public static class SimulatorEndpoints
{
    public const string SimulatorHeader = "X-Ideogram-Simulator";

    public static WebApplication MapIdeogramSimulator(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers[SimulatorHeader] = "true";
            return next(context);
        });
        app.MapPost("/v1/ideogram-v3/generate", (HttpContext context, GenerateHandler handler) => handler.HandleAsync(context));
        app.MapGet("/images/{id}.png", (string id, HttpRequest request, ImageHandler handler) => handler.Handle(id, request));
        app.MapControlEndpoints();
        return app;
    }
}
