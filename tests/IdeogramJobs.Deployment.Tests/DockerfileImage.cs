using System.Text.RegularExpressions;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Deployment.Tests;

/// <summary>
/// A Dockerfile read as the checks need it: the base image of every stage, and of the final stage (the image that
/// runs) its instructions in order, its user, its ENV and the folders its RUN lines create and hand to a user.
/// </summary>
public sealed partial class DockerfileImage
{
    private DockerfileImage(string path, IReadOnlyList<string> baseImages, IReadOnlyList<(string Instruction, string Arguments)> finalStage,
        IReadOnlyList<(string Instruction, string Arguments)> all)
    {
        RelativePath = path;
        BaseImages = baseImages;
        FinalStage = finalStage;
        Instructions = all;
    }

    public string RelativePath { get; }

    public IReadOnlyList<string> BaseImages { get; }

    public IReadOnlyList<(string Instruction, string Arguments)> Instructions { get; }

    public IReadOnlyList<(string Instruction, string Arguments)> FinalStage { get; }

    /// <summary>The user the container runs as: the final stage's last USER, root when there is none.</summary>
    public string User => FinalStage.LastOrDefault(i => i.Instruction == "USER").Arguments ?? "root";

    /// <summary>The final stage's ENV values (both the <c>K=V K2=V2</c> and the <c>K V</c> form).</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var environment = new Dictionary<string, string>();
            foreach (var (_, arguments) in FinalStage.Where(i => i.Instruction == "ENV"))
            {
                if (!arguments.Contains('='))
                {
                    var parts = arguments.Split(' ', 2);
                    environment[parts[0]] = parts[1].Trim();
                    continue;
                }

                foreach (Match pair in EnvironmentPair().Matches(arguments))
                {
                    environment[pair.Groups[1].Value] = pair.Groups[2].Value.Trim('"');
                }
            }

            return environment;
        }
    }

    /// <summary>Whether a RUN of the final stage, before its USER, creates <paramref name="folder"/> and chowns it to <paramref name="user"/>.</summary>
    public bool CreatesAndOwns(string folder, string user)
    {
        var beforeUser = FinalStage.TakeWhile(i => i.Instruction != "USER").Where(i => i.Instruction == "RUN").Select(i => i.Arguments).ToList();
        var created = beforeUser.Any(run => Regex.IsMatch(run, $@"mkdir\s+(-p\s+)?(\S+\s+)*{Regex.Escape(folder)}(\s|$)"));
        var owned = beforeUser.Any(run => Regex.IsMatch(run, $@"chown\s+(-R\s+)?{Regex.Escape(user)}(:\S+)?\s+(\S+\s+)*{Regex.Escape(folder)}(\s|$)"));
        return created && owned;
    }

    public static DockerfileImage Load(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, relativePath));
        var instructions = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (current.Length == 0 && (line.Length == 0 || line.StartsWith('#')))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var parts = current.Split(' ', 2);
            instructions.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : string.Empty));
            current = string.Empty;
        }

        var froms = instructions.Select((instruction, index) => (instruction, index)).Where(x => x.instruction.Item1 == "FROM").ToList();
        var baseImages = froms.Select(x => x.instruction.Item2.Split(' ')[0]).ToList();
        var finalStage = instructions.Skip(froms[^1].index + 1).ToList();
        return new DockerfileImage(relativePath, baseImages, finalStage, instructions);
    }

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)""")]
    private static partial Regex EnvironmentPair();
}
