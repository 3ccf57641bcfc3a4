using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Configurations;

namespace IdeogramJobs.Database.Tests.Configurations;

public sealed class SharedInstanceCacheTests
{
    private const string Schema = """{"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true}]}""";

    [Fact]
    public void Identical_documents_are_parsed_once_and_share_one_instance()
    {
        var cache = new SharedInstanceCache<UiSchema>(8, SettingsJson.Deserialize<UiSchema>);

        // Two reads of a row give two string objects with the same text.
        var first = cache.Get(new string(Schema));
        var second = cache.Get(new string(Schema));

        Assert.Same(first, second);
        Assert.Equal("Image Description", first.Fields[0].Label);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Different_documents_get_instances_of_their_own()
    {
        var cache = new SharedInstanceCache<JobSettings>(8, SettingsJson.Deserialize<JobSettings>);

        var two = cache.Get("""{"numImages":2}""");
        var three = cache.Get("""{"numImages":3}""");

        Assert.NotSame(two, three);
        Assert.Equal(2, two.NumImages);
        Assert.Equal(3, three.NumImages);
    }

    [Fact]
    public void The_cache_never_holds_more_than_its_capacity_and_still_answers_every_document()
    {
        var cache = new SharedInstanceCache<JobSettings>(4, SettingsJson.Deserialize<JobSettings>);
        var handedOut = new List<JobSettings>();

        for (var seed = 0; seed < 100; seed++)
        {
            handedOut.Add(cache.Get($$"""{"seed":{{seed}}}"""));
            Assert.InRange(cache.Count, 1, 4);
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(seed => (long?)seed), handedOut.Select(settings => settings.Seed));
        Assert.Same(cache.Get("""{"seed":99}"""), cache.Get(new string("""{"seed":99}""")));
    }

    [Fact]
    public void A_cache_with_no_room_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SharedInstanceCache<string>(0, text => text));
    }
}
