using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Configurations;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Configurations;

public sealed class JobConfigurationStoreTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlJobConfigurationStore store = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlJobConfigurationStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_inserted_job_type_reads_back_whole_and_is_stored_in_the_specification_shape()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);

        Assert.NotNull(inserted);
        var read = await store.GetAsync(inserted.ConfigId, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(accountId, read.AccountId);
        Assert.Equal("event_flyers", read.JobTypeName);
        Assert.Equal("Event Flyers", read.DisplayName);
        Assert.Equal("Flyers for parish events", read.Description);
        Assert.Equal(Draft("event_flyers").DefaultSettings, read.DefaultSettings);
        Assert.Equal(["prompt", "numImages"], read.UiSchema.Fields.Select(f => f.Name));
        Assert.Equal("2", read.UiSchema.Fields[1].DefaultJson);
        Assert.Equal(40, read.ExecutionOrder);
        Assert.True(read.IsActive);
        Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
        AssertSame(inserted, read);

        var row = Assert.Single(await database.Database.QueryAsync(
            $"SELECT default_settings, ui_schema FROM ssnews_job_configurations WHERE config_id = {read.ConfigId}"));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"styleType":"DESIGN","aspectRatio":"4:3","renderingSpeed":"FAST","numImages":2,"colorPalette":{"members":["#1B365D","#FFFFFF"]}}"""),
            JsonNode.Parse(row["default_settings"]!)), row["default_settings"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"fields":[{"name":"prompt","type":"textarea","label":"Image Description","required":true},
                           {"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":4,"default":2}]}
                """),
            JsonNode.Parse(row["ui_schema"]!)), row["ui_schema"]);
    }

    [Fact]
    public async Task A_second_job_type_of_the_same_name_in_one_account_is_refused()
    {
        await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);

        Assert.Null(await store.InsertAsync(accountId, Draft("event_flyers") with { DisplayName = "Copy" }, CancellationToken.None));

        Assert.Equal(1, await database.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{accountId}' AND job_type_name = 'event_flyers'"));
        var otherAccount = await database.CreateAccountAsync("globex");
        Assert.NotNull(await store.InsertAsync(otherAccount, Draft("event_flyers"), CancellationToken.None));
    }

    [Fact]
    public async Task An_accounts_job_types_list_in_execution_order_and_inactive_ones_only_on_request()
    {
        await store.InsertAsync(accountId, Draft("dormant") with { IsActive = false, ExecutionOrder = 0 }, CancellationToken.None);
        await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);
        var otherAccount = await database.CreateAccountAsync("globex");
        await store.InsertAsync(otherAccount, Draft("not_yours"), CancellationToken.None);

        var active = await store.ListAsync(accountId, includeInactive: false, CancellationToken.None);
        var all = await store.ListAsync(accountId, includeInactive: true, CancellationToken.None);

        string[] seeded = ["product_marketing", "social_media", "blog_header", "concept_illustration", "christian_content"];
        Assert.Equal([.. seeded, "event_flyers"], active.Select(c => c.JobTypeName));
        Assert.Equal(["dormant", .. seeded, "event_flyers"], all.Select(c => c.JobTypeName));
        Assert.False(all[0].IsActive);
    }

    [Fact]
    public async Task A_job_type_is_found_by_its_name_within_its_account()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);
        var otherAccount = await database.CreateAccountAsync("globex");

        Assert.Equal(inserted!.ConfigId, await store.FindAsync(accountId, "event_flyers", CancellationToken.None));
        Assert.Null(await store.FindAsync(otherAccount, "event_flyers", CancellationToken.None));
        Assert.Null(await store.FindAsync(accountId, "no_such_type", CancellationToken.None));
    }

    [Fact]
    public async Task Updating_a_job_type_replaces_its_fields()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);
        var replacement = Draft("event_posters") with
        {
            DisplayName = "Event Posters",
            Description = null,
            DefaultSettings = new JobSettings { StyleType = "REALISTIC", NumImages = 1 },
            IsActive = false,
            ExecutionOrder = 3,
        };

        var (outcome, updated) = await store.UpdateAsync(inserted!.ConfigId, replacement, CancellationToken.None);

        Assert.Equal(ConfigurationWriteOutcome.Saved, outcome);
        Assert.NotNull(updated);
        var read = await store.GetAsync(inserted.ConfigId, CancellationToken.None);
        AssertSame(updated, read);
        Assert.Equal("event_posters", read!.JobTypeName);
        Assert.Equal("Event Posters", read.DisplayName);
        Assert.Null(read.Description);
        Assert.Equal(new JobSettings { StyleType = "REALISTIC", NumImages = 1 }, read.DefaultSettings);
        Assert.False(read.IsActive);
        Assert.Equal(3, read.ExecutionOrder);
    }

    [Fact]
    public async Task Saving_a_job_type_unchanged_still_counts_as_saved()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);

        var (outcome, updated) = await store.UpdateAsync(inserted!.ConfigId, Draft("event_flyers"), CancellationToken.None);

        Assert.Equal(ConfigurationWriteOutcome.Saved, outcome);
        AssertSame(inserted, updated);
    }

    [Fact]
    public async Task Renaming_a_job_type_to_a_name_the_account_already_uses_is_name_taken_and_changes_nothing()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);

        var (outcome, updated) = await store.UpdateAsync(inserted!.ConfigId, Draft("product_marketing"), CancellationToken.None);

        Assert.Equal(ConfigurationWriteOutcome.NameTaken, outcome);
        Assert.Null(updated);
        AssertSame(inserted, await store.GetAsync(inserted.ConfigId, CancellationToken.None));
    }

    [Fact]
    public async Task Updating_a_job_type_that_does_not_exist_is_not_found()
    {
        var (outcome, updated) = await store.UpdateAsync(999_999, Draft("ghost"), CancellationToken.None);

        Assert.Equal(ConfigurationWriteOutcome.NotFound, outcome);
        Assert.Null(updated);
        Assert.Null(await store.GetAsync(999_999, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_type_no_job_used_can_be_deleted_once()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);

        Assert.True(await store.DeleteAsync(inserted!.ConfigId, CancellationToken.None));

        Assert.Null(await store.GetAsync(inserted.ConfigId, CancellationToken.None));
        Assert.False(await store.DeleteAsync(inserted.ConfigId, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_type_that_jobs_ran_with_is_not_deleted_so_their_settings_history_survives()
    {
        var inserted = await store.InsertAsync(accountId, Draft("event_flyers"), CancellationToken.None);
        var jobs = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections));
        var jobId = await jobs.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = inserted!.ConfigId,
            JobTypeName = "event_flyers",
            Prompt = "Harvest supper, Saturday 6pm",
            FinalSettings = inserted.DefaultSettings,
        }, CancellationToken.None);

        Assert.False(await store.DeleteAsync(inserted.ConfigId, CancellationToken.None));

        Assert.NotNull(await store.GetAsync(inserted.ConfigId, CancellationToken.None));
        Assert.Equal(inserted.DefaultSettings, (await jobs.GetAsync(jobId, CancellationToken.None))!.FinalSettings);
    }

    [Fact]
    public async Task Accounts_with_the_same_seeded_job_type_share_its_names_and_documents_in_memory()
    {
        var otherAccount = await database.CreateAccountAsync("globex");

        var ours = await store.GetAsync(await database.ConfigIdAsync(accountId, "product_marketing"), CancellationToken.None);
        var theirs = (await store.ListAsync(otherAccount, includeInactive: false, CancellationToken.None)).Single(c => c.JobTypeName == "product_marketing");

        Assert.NotNull(ours);
        Assert.NotEqual(ours.ConfigId, theirs.ConfigId);
        Assert.Equal(otherAccount, theirs.AccountId);
        Assert.Same(ours.DefaultSettings, theirs.DefaultSettings);
        Assert.Same(ours.UiSchema, theirs.UiSchema);
        Assert.Same(ours.JobTypeName, theirs.JobTypeName);
        Assert.Same(ours.DisplayName, theirs.DisplayName);
        Assert.Same(ours.Description, theirs.Description);
    }

    [Fact]
    public async Task Updating_one_accounts_job_type_leaves_another_accounts_identical_one_as_it_was()
    {
        var otherAccount = await database.CreateAccountAsync("globex");
        var ourConfigId = await database.ConfigIdAsync(accountId, "blog_header");
        var theirConfigId = await database.ConfigIdAsync(otherAccount, "blog_header");
        var theirsBefore = await store.GetAsync(theirConfigId, CancellationToken.None);
        var ours = await store.GetAsync(ourConfigId, CancellationToken.None);
        var edited = new JobConfigurationDraft
        {
            JobTypeName = ours!.JobTypeName,
            DisplayName = "Blog Banners",
            Description = ours.Description,
            DefaultSettings = ours.DefaultSettings with { AspectRatio = "3:1", NumImages = 1 },
            UiSchema = new UiSchema { Fields = [.. ours.UiSchema.Fields.Take(1)] },
            ExecutionOrder = ours.ExecutionOrder,
        };

        var (outcome, updated) = await store.UpdateAsync(ourConfigId, edited, CancellationToken.None);

        Assert.Equal(ConfigurationWriteOutcome.Saved, outcome);
        Assert.Equal("3:1", updated!.DefaultSettings.AspectRatio);
        var theirsAfter = await store.GetAsync(theirConfigId, CancellationToken.None);
        Assert.NotNull(theirsBefore);
        Assert.NotNull(theirsAfter);
        foreach (var theirs in new[] { theirsBefore, theirsAfter })
        {
            Assert.Equal("Blog Header Images", theirs.DisplayName);
            Assert.Equal("16:9", theirs.DefaultSettings.AspectRatio);
            Assert.Equal(2, theirs.DefaultSettings.NumImages);
            Assert.Equal(IdeogramJobs.Database.Seeding.DefaultJobTypes.All.Single(t => t.Name == "blog_header").UiSchema.Fields.Count, theirs.UiSchema.Fields.Count);
        }

        Assert.Equal("Blog Banners", (await store.GetAsync(ourConfigId, CancellationToken.None))!.DisplayName);
    }

    /// <summary>Equal field by field; the UI schema (whose lists compare by reference) by its stored JSON.</summary>
    private static void AssertSame(JobConfiguration? expected, JobConfiguration? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        var anySchema = new UiSchema();
        Assert.Equal(expected with { UiSchema = anySchema }, actual with { UiSchema = anySchema });
        Assert.Equal(SettingsJson.Serialize(expected.UiSchema), SettingsJson.Serialize(actual.UiSchema));
    }

    private static JobConfigurationDraft Draft(string name) => new()
    {
        JobTypeName = name,
        DisplayName = "Event Flyers",
        Description = "Flyers for parish events",
        DefaultSettings = new JobSettings
        {
            StyleType = "DESIGN",
            AspectRatio = "4:3",
            RenderingSpeed = "FAST",
            NumImages = 2,
            ColorPalette = new ColorPalette { Members = [new PaletteMember("#1B365D"), new PaletteMember("#FFFFFF")] },
        },
        UiSchema = new UiSchema
        {
            Fields =
            [
                new UiField { Name = "prompt", Type = UiFieldTypes.Textarea, Label = "Image Description", Required = true },
                new UiField { Name = "numImages", Type = UiFieldTypes.Slider, Label = "Number of Images", Min = 1, Max = 4, DefaultJson = "2" },
            ],
        },
        ExecutionOrder = 40,
    };
}
