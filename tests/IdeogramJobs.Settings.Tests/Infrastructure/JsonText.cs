using System.Text;

namespace IdeogramJobs.Settings.Tests.Infrastructure;

/// <summary>Compares JSON as text the way the specification prints it: whitespace between tokens does not count, inside strings it does.</summary>
internal static class JsonText
{
    public static string WithoutWhitespace(string json)
    {
        var result = new StringBuilder(json.Length);
        var inString = false;
        var escaped = false;
        foreach (var c in json)
        {
            if (inString)
            {
                result.Append(c);
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                result.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
