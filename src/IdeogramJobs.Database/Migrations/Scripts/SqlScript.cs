using System.Text;

namespace IdeogramJobs.Database.Migrations.Scripts;

/// <summary>
/// Splits a MySQL script into the statements the server must receive one at a time. MySqlConnector
/// has no notion of the client's DELIMITER command, so procedure bodies (which contain ';') are cut
/// here: the scripts in sql/ stay runnable with the mysql/mariadb command-line client as well.
/// Quotes and comments are respected, so a ';' inside a query text literal never splits.
/// </summary>
public static class SqlScript
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var delimiter = ";";
        var i = 0;
        var atLineStart = true;

        while (i < script.Length)
        {
            if (atLineStart && TryReadDelimiterCommand(script, ref i, out var newDelimiter))
            {
                Flush(statements, current);
                delimiter = newDelimiter;
                continue;
            }

            var c = script[i];
            atLineStart = c == '\n';

            if (c is '\'' or '"' or '`')
            {
                i = CopyQuoted(script, i, current);
                continue;
            }

            if (c == '-' && At(script, i, "--") && (i + 2 >= script.Length || char.IsWhiteSpace(script[i + 2])))
            {
                i = SkipToLineEnd(script, i);
                continue;
            }

            if (c == '#')
            {
                i = SkipToLineEnd(script, i);
                continue;
            }

            if (c == '/' && At(script, i, "/*") && !At(script, i, "/*!"))
            {
                var end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? script.Length : end + 2;
                continue;
            }

            if (At(script, i, delimiter))
            {
                Flush(statements, current);
                i += delimiter.Length;
                continue;
            }

            current.Append(c);
            i++;
        }

        Flush(statements, current);
        return statements;
    }

    private static bool TryReadDelimiterCommand(string script, ref int i, out string delimiter)
    {
        delimiter = string.Empty;
        var start = i;
        while (start < script.Length && script[start] is ' ' or '\t')
        {
            start++;
        }

        const string command = "DELIMITER ";
        if (string.Compare(script, start, command, 0, command.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var lineEnd = script.IndexOf('\n', start);
        lineEnd = lineEnd < 0 ? script.Length : lineEnd;
        delimiter = script[(start + command.Length)..lineEnd].Trim();
        if (delimiter.Length == 0)
        {
            throw new FormatException("A DELIMITER command names no delimiter.");
        }

        i = Math.Min(lineEnd + 1, script.Length);
        return true;
    }

    private static int CopyQuoted(string script, int i, StringBuilder current)
    {
        var quote = script[i];
        current.Append(quote);
        i++;
        while (i < script.Length)
        {
            var c = script[i];
            current.Append(c);
            i++;
            if (c == '\\' && quote != '`' && i < script.Length)
            {
                current.Append(script[i]);
                i++;
            }
            else if (c == quote)
            {
                // A doubled quote is an escaped quote, not the end of the literal.
                if (i < script.Length && script[i] == quote)
                {
                    current.Append(quote);
                    i++;
                }
                else
                {
                    return i;
                }
            }
        }

        throw new FormatException($"A {quote} quoted text is not closed.");
    }

    private static int SkipToLineEnd(string script, int i)
    {
        var end = script.IndexOf('\n', i);
        return end < 0 ? script.Length : end;
    }

    private static bool At(string script, int i, string text) =>
        string.CompareOrdinal(script, i, text, 0, text.Length) == 0;

    private static void Flush(List<string> statements, StringBuilder current)
    {
        var statement = current.ToString().Trim();
        if (statement.Length > 0)
        {
            statements.Add(statement);
        }

        current.Clear();
    }
}
