using IdeogramJobs.Database.Migrations;

namespace IdeogramJobs.Database.Tests.Migrations;

public sealed class MigrationLockNameTests
{
    [Fact]
    public void A_short_database_name_gives_a_readable_lock_name()
    {
        Assert.Equal("ideogramjobs.migrate.c360req.orleans", MigrationLockName.For("c360req", MigrationSet.Orleans));
    }

    [Fact]
    public void The_longest_database_name_mysql_allows_still_gives_a_lock_name_mysql_accepts()
    {
        var longest = new string('d', 64);

        var orleans = MigrationLockName.For(longest, MigrationSet.Orleans);
        var c360Req = MigrationLockName.For(longest, MigrationSet.C360Req);

        Assert.True(orleans.Length <= 64, $"'{orleans}' has {orleans.Length} characters");
        Assert.True(c360Req.Length <= 64, $"'{c360Req}' has {c360Req.Length} characters");
        Assert.NotEqual(orleans, c360Req);
        Assert.NotEqual(orleans, MigrationLockName.For(new string('e', 64), MigrationSet.Orleans));
    }
}
