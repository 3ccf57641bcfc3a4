using IdeogramJobs.Api.Health;
using IdeogramJobs.Api.Hosting;
using IdeogramJobs.Api.Media;
using IdeogramJobs.Database;
using IdeogramJobs.Hosting.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceLogging("api");
builder.ListenOnConfiguredAddress();
builder.Services.AddDatabase();
builder.AddClusterClient();
builder.Services.AddHealth();
builder.Services.AddMediaFiles(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapHealth();
app.MapMediaFiles();
app.Run();
