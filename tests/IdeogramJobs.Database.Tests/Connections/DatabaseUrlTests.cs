using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Tests.Connections;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void Reads_user_password_host_port_and_database_from_a_mysql_url()
    {
        var builder = DatabaseUrl.Parse("DATABASE_URL", "mysql://app:s%40cret%3A1@db.internal:3307/c360req");

        Assert.Equal("app", builder.UserID);
        Assert.Equal("s@cret:1", builder.Password);
        Assert.Equal("db.internal", builder.Server);
        Assert.Equal(3307u, builder.Port);
        Assert.Equal("c360req", builder.Database);
    }

    [Fact]
    public void Uses_port_3306_when_the_url_names_none()
    {
        Assert.Equal(3306u, DatabaseUrl.Parse("DATABASE_URL", "mysql://app:pw@db/c360req").Port);
    }

    [Fact]
    public void Passes_query_options_to_the_driver()
    {
        Assert.Equal(MySqlConnector.MySqlSslMode.Required, DatabaseUrl.Parse("DATABASE_URL", "mysql://a:b@h/d?SslMode=Required").SslMode);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("", "is not set")]
    [InlineData("postgres://a:b@h/d", "is not a mysql:// URL")]
    [InlineData("not a url", "is not a mysql:// URL")]
    [InlineData("mysql://a:b@h:3306/", "names no database")]
    [InlineData("mysql://h:3306/db", "names no user")]
    [InlineData("mysql://a:b@h/d?NoSuchOption=1", "unknown connection option 'NoSuchOption'")]
    public void Names_the_variable_and_the_problem_for_an_unusable_url(string? url, string problem)
    {
        var error = Assert.Throws<DatabaseUrlException>(() => DatabaseUrl.Parse("C360REQ_DATABASE_URL", url));

        Assert.StartsWith("C360REQ_DATABASE_URL ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Never_echoes_the_password_of_a_malformed_url()
    {
        var error = Assert.Throws<DatabaseUrlException>(() => DatabaseUrl.Parse("DATABASE_URL", "mysql://a:TopSecret99@h/"));

        Assert.DoesNotContain("TopSecret99", error.Message);
    }

    [Fact]
    public void The_c360req_database_defaults_to_the_orleans_database()
    {
        var options = new DatabaseOptions { DatabaseUrl = "mysql://a:b@h/orleansdb" };

        Assert.Equal(options.OrleansConnectionString, options.C360ReqConnectionString);
        Assert.Contains("orleansdb", options.C360ReqConnectionString);
    }

    [Fact]
    public void Validation_names_each_malformed_variable()
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { DatabaseUrl = "mysql://a:b@h/d", C360ReqDatabaseUrl = "http://x" });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("C360REQ_DATABASE_URL is not a mysql:// URL"));
    }

    [Fact]
    public void Connections_give_up_after_five_seconds_unless_configured_otherwise()
    {
        var options = new DatabaseOptions { DatabaseUrl = "mysql://a:b@h/d" };

        Assert.Equal(5u, new MySqlConnectionStringBuilder(options.OrleansConnectionString).ConnectionTimeout);
        options.ConnectTimeoutSeconds = 2;
        Assert.Equal(2u, new MySqlConnectionStringBuilder(options.C360ReqConnectionString).ConnectionTimeout);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(61u)]
    public void Validation_names_the_connect_timeout_variable_when_out_of_range(uint seconds)
    {
        var result = new DatabaseOptionsValidator().Validate(null, new DatabaseOptions { DatabaseUrl = "mysql://a:b@h/d", ConnectTimeoutSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("DATABASE_CONNECT_TIMEOUT_SECONDS"));
    }

    [Fact]
    public void A_password_with_url_characters_given_in_database_password_needs_no_escaping()
    {
        var options = new DatabaseOptions { DatabaseUrl = "mysql://app@db:3306/c360req", DatabasePassword = "p@ss:w/rd#1%?" };

        Assert.Equal("p@ss:w/rd#1%?", new MySqlConnectionStringBuilder(options.OrleansConnectionString).Password);
        Assert.Equal("p@ss:w/rd#1%?", new MySqlConnectionStringBuilder(options.C360ReqConnectionString).Password);
        Assert.True(new DatabaseOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Database_password_replaces_the_password_in_database_url_but_not_in_a_separate_c360req_url()
    {
        var options = new DatabaseOptions
        {
            DatabaseUrl = "mysql://app:old@db/orleans",
            C360ReqDatabaseUrl = "mysql://reports:own@db/c360req",
            DatabasePassword = "new",
        };

        Assert.Equal("new", new MySqlConnectionStringBuilder(options.OrleansConnectionString).Password);
        Assert.Equal("own", new MySqlConnectionStringBuilder(options.C360ReqConnectionString).Password);
    }
}
