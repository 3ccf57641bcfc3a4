using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>Images that build the same way tomorrow: pinned bases, the pinned SDK, a restore layer, audits that warn.</summary>
public sealed partial class ImageBuildTests
{
    public static TheoryData<string> Dockerfiles() => [.. Deployment.Dockerfiles];

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Base_images_are_pinned_to_an_exact_version(string dockerfile)
    {
        foreach (var image in DockerfileImage.Load(dockerfile).BaseImages)
        {
            Assert.True(IsPinned(image), $"{dockerfile}: {image} floats; pin an exact version (x.y.z) or a digest.");
        }
    }

    [Fact]
    public void Third_party_images_in_compose_are_pinned_to_an_exact_version()
    {
        foreach (var service in Deployment.Compose.Services.Values.Where(service => service.Dockerfile is null))
        {
            Assert.True(service.Image is not null && IsPinned(service.Image), $"{service.Name}: {service.Image} floats; pin an exact version (x.y.z) or a digest.");
        }
    }

    [Fact]
    public void The_ui_builds_on_a_current_node_lts_line()
    {
        var node = DockerfileImage.Load("api/Dockerfile").BaseImages.Single(image => image.StartsWith("node:", StringComparison.Ordinal));
        var major = int.Parse(NodeMajor().Match(node).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Even majors become LTS; 20 reached its end of life in April 2026.
        Assert.True(major >= 24 && major % 2 == 0, $"{node} is not a current Node LTS line.");
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_sdk_image_is_of_the_feature_band_global_json_pins(string dockerfile)
    {
        using var globalJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "global.json")));
        var sdk = globalJson.RootElement.GetProperty("sdk");
        var pinned = sdk.GetProperty("version").GetString()!;
        Assert.Equal("latestFeature", sdk.GetProperty("rollForward").GetString());

        var band = pinned[..^2];
        foreach (var image in DockerfileImage.Load(dockerfile).BaseImages.Where(image => image.Contains("/dotnet/sdk:", StringComparison.Ordinal)))
        {
            Assert.True(image.Split(':')[1].StartsWith(band, StringComparison.Ordinal), $"{dockerfile}: {image} is not of the {band}xx feature band that global.json pins ({pinned}).");
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Packages_are_restored_in_a_layer_that_only_project_files_change(string dockerfile)
    {
        var instructions = DockerfileImage.Load(dockerfile).Instructions.ToList();
        var restore = instructions.FindIndex(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var stage = instructions.FindLastIndex(Math.Max(restore, 0), i => i.Instruction == "FROM");
        var firstSources = instructions.FindIndex(stage, i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)
            && i.Arguments.Split(' ')[0].EndsWith('/'));
        var publish = instructions.Single(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));

        Assert.True(restore >= 0, $"{dockerfile} has no `dotnet restore` layer.");
        Assert.True(restore < firstSources, $"{dockerfile} copies source folders before it restores, so every source change downloads the packages again.");
        Assert.Contains("--no-restore", publish.Arguments);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_restore_layer_has_every_project_the_published_one_references(string dockerfile)
    {
        var instructions = DockerfileImage.Load(dockerfile).Instructions.ToList();
        var restore = instructions.FindIndex(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        Assert.True(restore >= 0, $"{dockerfile} has no `dotnet restore` layer.");
        var stage = instructions.FindLastIndex(restore, i => i.Instruction == "FROM");
        var copied = instructions.Skip(stage).Take(restore - stage)
            .Where(i => i.Instruction == "COPY")
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToHashSet();

        var project = instructions[restore].Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        foreach (var needed in ProjectClosure(project).Append("Directory.Build.props").Append("Directory.Packages.props").Append("global.json"))
        {
            Assert.True(copied.Contains(needed), $"{dockerfile} restores {project} without copying {needed} first.");
        }
    }

    [Fact]
    public void A_vulnerability_advisory_is_reported_but_does_not_break_the_build()
    {
        var properties = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants().ToList();
        var notAsErrors = properties.Where(e => e.Name.LocalName == "WarningsNotAsErrors").SelectMany(e => e.Value.Split(';')).ToHashSet();

        Assert.Contains(properties, e => e.Name.LocalName == "TreatWarningsAsErrors" && e.Value == "true");
        Assert.DoesNotContain(properties, e => e.Name.LocalName == "NuGetAudit" && e.Value == "false");
        foreach (var code in new[] { "NU1901", "NU1902", "NU1903", "NU1904" })
        {
            Assert.Contains(code, notAsErrors);
        }
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_that_runs_has_the_aspnet_runtime_when_the_published_project_uses_it(string dockerfile)
    {
        var image = DockerfileImage.Load(dockerfile);
        var restore = image.Instructions.FirstOrDefault(i => i.Instruction == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        if (restore.Arguments is null)
        {
            return;
        }

        var project = restore.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        var usesAspNet = ProjectClosure(project).Select(p => XDocument.Load(Path.Combine(RepositoryPaths.Root, p)).Root!)
            .Any(root => root.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web"
                || root.Descendants("FrameworkReference").Any(f => f.Attribute("Include")?.Value == "Microsoft.AspNetCore.App"));
        if (usesAspNet)
        {
            var runtime = image.BaseImages[^1];
            Assert.True(runtime.Contains("/dotnet/aspnet:", StringComparison.Ordinal), $"{dockerfile}: {project} needs ASP.NET Core, but the image that runs is {runtime}; use mcr.microsoft.com/dotnet/aspnet.");
        }
    }

    /// <summary>A project and every project it references, transitively, as paths from the repository root.</summary>
    private static IEnumerable<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(current)!;
            foreach (var reference in XDocument.Load(Path.Combine(RepositoryPaths.Root, current)).Descendants("ProjectReference"))
            {
                var full = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, directory, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepositoryPaths.Root, full).Replace('\\', '/'));
            }
        }

        return seen;
    }

    private static bool IsPinned(string image) => image.Contains("@sha256:", StringComparison.Ordinal) || ExactVersionTag().IsMatch(image);

    [GeneratedRegex(@":\d+\.\d+\.\d+(-[a-z0-9.-]+)?$")]
    private static partial Regex ExactVersionTag();

    [GeneratedRegex(@"^node:(\d+)")]
    private static partial Regex NodeMajor();
}
