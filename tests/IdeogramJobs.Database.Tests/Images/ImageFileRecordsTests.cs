using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Images;

public sealed class ImageFileRecordsTests : IAsyncLifetime
{
    private const string Attempt = "0123456789abcdef0123456789abcdef";
    private const string ProviderUrl = "https://ideogram.ai/api/images/ephemeral/b.png?exp=1900000000&sig=ab";

    private readonly StoreTestDatabase database = new();
    private MySqlImageAssetStore images = null!;
    private MySqlImageFileRecords records = null!;
    private string accountId = null!;
    private long jobId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        images = new MySqlImageAssetStore(database.Connections);
        records = new MySqlImageFileRecords(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        var jobs = new MySqlJobStore(database.Connections, images);
        jobId = await jobs.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "concept_illustration"),
            JobTypeName = "concept_illustration",
            Prompt = "A map of an imaginary island",
            FinalSettings = new JobSettings { NumImages = 3 },
        }, CancellationToken.None);
        Assert.True(await jobs.ClaimAttemptAsync(jobId, new AttemptClaim(Attempt, "silo-1", DateTime.UtcNow.AddMinutes(5), "generating"), CancellationToken.None));
        Assert.True(await jobs.SaveGenerationAsync(jobId, Attempt, new SavedGeneration(DateTimeOffset.UtcNow,
        [
            new SavedGenerationImage("https://ideogram.ai/api/images/ephemeral/a.png?exp=1900000000&sig=aa", "p", "1024x1024", 1, "GENERAL", true),
            new SavedGenerationImage(ProviderUrl, "p", "1024x1024", 2, "GENERAL", true),
            new SavedGenerationImage(null, "p", "1024x1024", 3, "GENERAL", false),
        ]), CancellationToken.None));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Local_disk_images_recorded_since_the_moment_asked_are_listed_with_their_recorded_length_hash_and_ideogram_link()
    {
        var older = await RecordAsync(0, "http://127.0.0.1:8080/media/ideogram-jobs/aa/x-0-aaaaaaaaaaaa.png");
        var recent = await RecordAsync(1, "http://127.0.0.1:8080/media/ideogram-jobs/bb/x-1-bbbbbbbbbbbb.png");
        await RecordAsync(2, "https://acme.sirv.com/ideogram-jobs/acme/x/x-2-cccccccccccc.png");
        await new ImageJobRows(database).SetImageCreatedAtAsync(older, DateTime.UtcNow.AddHours(-2));

        var rows = await records.ListRecordedSinceAsync(DateTime.UtcNow.AddMinutes(-5), CancellationToken.None);

        var row = Assert.Single(rows);
        Assert.Equal(new ImageFileRow(recent, accountId, jobId, 1, "/ideogram-jobs/bb/x-1-bbbbbbbbbbbb.png", 2048, new string('b', 64), ProviderUrl), row);
        Assert.Equal(2, (await records.ListRecordedSinceAsync(DateTime.MinValue, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_image_marked_lost_keeps_its_seed_and_settings_and_is_not_listed_again()
    {
        var imageId = await RecordAsync(1, "http://127.0.0.1:8080/media/ideogram-jobs/bb/x-1-bbbbbbbbbbbb.png");

        await records.MarkFileLostAsync(imageId, CancellationToken.None);

        Assert.Empty(await records.ListRecordedSinceAsync(DateTime.MinValue, CancellationToken.None));
        var metadata = JsonNode.Parse(Assert.Single(await database.Database.QueryAsync(
            $"SELECT generation_metadata FROM ssnews_image_assets WHERE image_id = {imageId}"))["generation_metadata"]!)!.AsObject();
        Assert.Equal(4242, (long)metadata["seed"]!);
        Assert.Equal("concept_illustration", (string)metadata["jobTypeName"]!);
        Assert.True(DateTimeOffset.TryParse((string)metadata["fileLostAt"]!, out var lostAt), metadata.ToJsonString());
        Assert.InRange(lostAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Single(await images.ListForJobAsync(jobId, CancellationToken.None));
    }

    private async Task<long> RecordAsync(int index, string url) =>
        (await images.RecordAsync(new NewImageAsset
        {
            AccountId = accountId,
            JobId = jobId,
            Index = index,
            Url = url,
            StoragePath = new Uri(url).AbsolutePath.Replace("/media", string.Empty, StringComparison.Ordinal),
            Seed = 4242,
            AttemptToken = Attempt,
            Generation = Generations.Example with { Sha256 = new string((char)('a' + index), 64) },
        }, CancellationToken.None))!.Value;
}
