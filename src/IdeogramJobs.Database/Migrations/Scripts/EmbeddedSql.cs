using System.Reflection;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>Reads the scripts of the repository's sql/ folder, embedded in this assembly.</summary>
public static class EmbeddedSql
{
    public static string Read(string path)
    {
        var name = "sql/" + path;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The SQL script '{name}' is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
