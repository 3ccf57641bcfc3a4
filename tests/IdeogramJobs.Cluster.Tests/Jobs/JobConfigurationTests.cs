using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class JobConfigurationTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>
{
    private static JobConfigurationDraft Draft(string name, string aspectRatio = "16:9") => new()
    {
        JobTypeName = name,
        DisplayName = "Event Posters",
        Description = "Posters for church events",
        DefaultSettings = new JobSettings { StyleType = "DESIGN", AspectRatio = aspectRatio, NumImages = 1, RenderingSpeed = "FAST" },
        UiSchema = new UiSchema
        {
            Fields =
            [
                new UiField { Name = "prompt", Type = UiFieldTypes.Textarea, Label = "Describe the poster", Required = true },
                new UiField { Name = "aspectRatio", Type = UiFieldTypes.Select, Label = "Aspect ratio", Options = ["16:9", "9:16"] },
            ],
        },
        ExecutionOrder = 10,
    };

    [Fact]
    public async Task A_job_type_is_created_read_updated_deactivated_and_deleted_through_its_grains()
    {
        var account = await fixture.NewAccountAsync();
        var catalog = fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(account);

        var created = await catalog.CreateAsync(Draft("event_posters"));
        Assert.Equal(ConfigurationWriteOutcome.Saved, created.Outcome);
        var configId = created.Configuration!.ConfigId;
        Assert.Equal(configId, await catalog.FindAsync("event_posters"));
        Assert.Equal(ConfigurationWriteOutcome.NameTaken, (await catalog.CreateAsync(Draft("event_posters"))).Outcome);

        var grain = fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>(configId);
        var updated = await grain.UpdateAsync(account, Draft("event_posters", aspectRatio: "9:16"));
        Assert.Equal(ConfigurationWriteOutcome.Saved, updated.Outcome);
        Assert.Equal("9:16", (await grain.GetAsync(account))!.DefaultSettings.AspectRatio);
        Assert.Equal("9:16", (await fixture.Database.QueryAsync($"SELECT JSON_UNQUOTE(JSON_EXTRACT(default_settings, '$.aspectRatio')) AS r FROM ssnews_job_configurations WHERE config_id = {configId}"))[0]["r"]);
        Assert.Equal("9:16", (await grain.ResolveAsync(account, null, isAdmin: false)).FinalSettings!.AspectRatio);

        var deactivated = await grain.UpdateAsync(account, Draft("event_posters") with { IsActive = false });
        Assert.False(deactivated.Configuration!.IsActive);
        var refused = await fixture.Account(account).SubmitAsync(new JobSubmission { ConfigId = configId, Prompt = "harvest supper" });
        Assert.Equal(SubmissionOutcome.JobTypeInactive, refused.Outcome);

        Assert.True(await grain.DeleteAsync(account));
        Assert.Null(await catalog.FindAsync("event_posters"));
        Assert.Null(await fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>(configId).GetAsync(account));
    }

    [Fact]
    public async Task A_job_type_with_settings_the_api_would_refuse_is_not_saved_and_every_problem_is_named()
    {
        var account = await fixture.NewAccountAsync();
        var catalog = fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(account);
        var draft = Draft("Bad Name", aspectRatio: "21:9") with
        {
            UiSchema = new UiSchema { Fields = [new UiField { Name = "numImages", Type = UiFieldTypes.Slider, Label = "Images", Min = 1, Max = 12 }] },
        };

        var result = await catalog.CreateAsync(draft);

        Assert.Equal(ConfigurationWriteOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == "jobTypeName");
        Assert.Contains(result.Errors, e => e.Field == "defaultSettings.aspectRatio");
        Assert.Contains(result.Errors, e => e.Field.StartsWith("uiSchema.fields[0]", StringComparison.Ordinal));
        Assert.Equal(0, await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{account}' AND display_name = 'Event Posters'"));
    }

    [Fact]
    public async Task Editing_a_seeded_job_type_through_its_grain_leaves_other_accounts_copies_as_they_were()
    {
        var editor = await fixture.NewAccountAsync();
        var bystander = await fixture.NewAccountAsync();
        var editorsGrain = fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>((await fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(editor).FindAsync("blog_header"))!.Value);
        var bystandersGrain = fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>((await fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(bystander).FindAsync("blog_header"))!.Value);
        var seeded = (await bystandersGrain.GetAsync(bystander))!;
        var edited = new JobConfigurationDraft
        {
            JobTypeName = seeded.JobTypeName,
            DisplayName = "Blog Banners",
            Description = seeded.Description,
            DefaultSettings = seeded.DefaultSettings with { AspectRatio = "3:1", NumImages = 1 },
            UiSchema = new UiSchema { Fields = [.. seeded.UiSchema.Fields.Take(2)] },
            ExecutionOrder = seeded.ExecutionOrder,
        };

        Assert.Equal(ConfigurationWriteOutcome.Saved, (await editorsGrain.UpdateAsync(editor, edited)).Outcome);

        Assert.Equal("3:1", (await editorsGrain.GetAsync(editor))!.DefaultSettings.AspectRatio);
        var bystanders = (await bystandersGrain.GetAsync(bystander))!;
        Assert.Equal("Blog Header Images", bystanders.DisplayName);
        Assert.Equal(seeded.DefaultSettings, bystanders.DefaultSettings);
        Assert.Equal(["prompt", "aspectRatio", "numImages", "negativePrompt", "seed"], bystanders.UiSchema.Fields.Select(f => f.Name));
        Assert.Equal("16:9", (await bystandersGrain.ResolveAsync(bystander, null, isAdmin: false)).FinalSettings!.AspectRatio);
        var listed = (await fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(bystander).ListAsync(includeInactive: false)).Single(c => c.JobTypeName == "blog_header");
        Assert.Equal(seeded.DefaultSettings, listed.DefaultSettings);
    }

    [Fact]
    public async Task Submissions_by_name_follow_job_types_as_they_are_renamed_and_their_names_reused()
    {
        var account = await fixture.NewAccountAsync();
        var catalog = fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(account);
        var first = (await catalog.CreateAsync(Draft("event_posters"))).Configuration!;
        var byName = new JobSubmission { JobTypeName = "event_posters", Prompt = "harvest supper" };
        Assert.Equal(SubmissionOutcome.Accepted, (await fixture.Account(account).SubmitAsync(byName)).Outcome);

        var grain = fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>(first.ConfigId);
        Assert.Equal(ConfigurationWriteOutcome.Saved, (await grain.UpdateAsync(account, Draft("autumn_posters"))).Outcome);
        Assert.Equal(SubmissionOutcome.JobTypeNotFound, (await fixture.Account(account).SubmitAsync(byName)).Outcome);
        Assert.Equal(SubmissionOutcome.Accepted, (await fixture.Account(account).SubmitAsync(byName with { JobTypeName = "autumn_posters" })).Outcome);

        var second = (await catalog.CreateAsync(Draft("event_posters", aspectRatio: "9:16"))).Configuration!;
        var resubmitted = await fixture.Account(account).SubmitAsync(byName);
        Assert.Equal(SubmissionOutcome.Accepted, resubmitted.Outcome);
        Assert.Equal("9:16", resubmitted.FinalSettings!.AspectRatio);

        Assert.Equal(ConfigurationWriteOutcome.Saved, (await fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>(second.ConfigId).UpdateAsync(account, Draft("winter_posters"))).Outcome);
        Assert.Equal(ConfigurationWriteOutcome.Saved, (await grain.UpdateAsync(account, Draft("event_posters"))).Outcome);
        var backToTheFirst = await fixture.Account(account).SubmitAsync(byName);
        Assert.Equal(SubmissionOutcome.Accepted, backToTheFirst.Outcome);
        Assert.Equal("16:9", backToTheFirst.FinalSettings!.AspectRatio);
    }

    [Fact]
    public async Task Another_accounts_job_type_is_not_found()
    {
        var owner = await fixture.NewAccountAsync();
        var stranger = await fixture.NewAccountAsync();
        var configId = (await fixture.Cluster.Client.GetGrain<IJobCatalogGrain>(owner).FindAsync("blog_header"))!.Value;
        var grain = fixture.Cluster.Client.GetGrain<IJobConfigurationGrain>(configId);

        Assert.Null(await grain.GetAsync(stranger));
        Assert.Equal(ConfigurationWriteOutcome.NotFound, (await grain.UpdateAsync(stranger, Draft("blog_header"))).Outcome);
        Assert.False(await grain.DeleteAsync(stranger));
        Assert.Equal(SubmissionOutcome.JobTypeNotFound, (await fixture.Account(stranger).SubmitAsync(new JobSubmission { ConfigId = configId, Prompt = "x" })).Outcome);
        Assert.NotNull(await grain.GetAsync(owner));
    }
}
