using IdeogramJobs.Api.Health;
using IdeogramJobs.Api.Hosting;
using IdeogramJobs.Database;
using IdeogramJobs.Hosting.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceLogging("api");
builder.ListenOnConfiguredAddress();
builder.Services.AddDatabase();
builder.AddClusterClient();
builder.Services.AddHealth();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapHealth();
app.Run();

/// <summary>Entry point, visible to the API tests that host it.</summary>
public partial class Program;
