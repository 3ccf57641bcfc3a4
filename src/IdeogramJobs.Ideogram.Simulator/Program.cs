// The Ideogram V3 simulator: see README.md. Everything is assembled in SimulatorApp.Build.
using IdeogramJobs.Ideogram.Simulator;

var app = SimulatorApp.Build(args);
await app.RunAsync();
