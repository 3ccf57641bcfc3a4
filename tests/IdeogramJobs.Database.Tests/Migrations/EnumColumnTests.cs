using IdeogramJobs.Database.Migrations.Scripts;

namespace IdeogramJobs.Database.Tests.Migrations;

public sealed class EnumColumnTests
{
    [Fact]
    public void Reads_the_declared_values_in_order_including_escaped_quotes()
    {
        Assert.Equal(["a", "b'c", "d,e"], EnumColumn.ParseValues("enum('a','b''c','d,e')"));
    }

    [Fact]
    public void Widening_keeps_every_existing_value_first_and_the_column_default_and_nullability()
    {
        var column = new EnumColumn("ssnews_jobs", "status", ["queued", "processing"], Nullable: true, DefaultValue: "'queued'");

        Assert.Equal(
            "ALTER TABLE `ssnews_jobs` MODIFY COLUMN `status` ENUM('queued','processing','paused') NULL DEFAULT 'queued'",
            column.WidenTo("paused"));
    }

    [Fact]
    public void Widening_to_values_already_present_changes_nothing()
    {
        var column = new EnumColumn("t", "c", ["x", "y"], Nullable: false, DefaultValue: null);

        Assert.Null(column.WidenTo("y"));
    }
}
