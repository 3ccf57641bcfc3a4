namespace IdeogramJobs.Testing;

/// <summary>Where the repository and the build output of its executables are, seen from a test.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests themselves were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The built dll of a project folder such as "silo/IdeogramJobs.Silo".</summary>
    public static string BuildOutput(string project)
    {
        var name = Path.GetFileName(project);
        var dll = Path.Combine(Root, project, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{dll} is not built; build the solution (./test.sh does) before running these tests.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IdeogramJobs.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("IdeogramJobs.sln was not found above " + AppContext.BaseDirectory);
    }
}
