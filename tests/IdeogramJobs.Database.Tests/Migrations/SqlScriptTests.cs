using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Tests.Migrations;

public sealed class SqlScriptTests
{
    [Fact]
    public void Splits_statements_on_semicolons_at_the_end_of_statements()
    {
        var statements = SqlScript.Split("CREATE TABLE a (x INT);\nINSERT INTO a VALUES (1);\n");

        Assert.Equal(["CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)"], statements);
    }

    [Fact]
    public void Keeps_semicolons_inside_quoted_query_texts()
    {
        var statements = SqlScript.Split("INSERT INTO q VALUES ('k', '\n  UPDATE t SET a = 1;\n  SELECT ''x;'';\n');\nSELECT 2;");

        Assert.Equal(2, statements.Count);
        Assert.Contains("UPDATE t SET a = 1;", statements[0]);
        Assert.Contains("SELECT ''x;'';", statements[0]);
    }

    [Fact]
    public void Sends_a_procedure_body_as_one_statement_under_a_changed_delimiter()
    {
        var statements = SqlScript.Split("""
            DROP PROCEDURE IF EXISTS p;
            DELIMITER $$
            CREATE PROCEDURE p()
            BEGIN
                SELECT 1;
                SELECT 2;
            END$$
            DELIMITER ;
            SELECT 3;
            """);

        Assert.Equal(3, statements.Count);
        Assert.StartsWith("CREATE PROCEDURE p()", statements[1]);
        Assert.EndsWith("END", statements[1]);
        Assert.Contains("SELECT 2;", statements[1]);
        Assert.Equal("SELECT 3", statements[2]);
    }

    [Fact]
    public void Drops_comments_but_not_comment_markers_inside_strings()
    {
        var statements = SqlScript.Split("-- a comment; with a semicolon\nSELECT '-- not a comment;' /* block; */ FROM DUAL; # tail;\n");

        Assert.Equal(["SELECT '-- not a comment;'  FROM DUAL"], statements);
    }

    [Fact]
    public void Refuses_a_script_with_an_unclosed_quote()
    {
        Assert.Throws<FormatException>(() => SqlScript.Split("SELECT 'oops;"));
    }
}
