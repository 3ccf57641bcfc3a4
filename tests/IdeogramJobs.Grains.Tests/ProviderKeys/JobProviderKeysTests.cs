using System.Net;
using System.Security.Cryptography;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.OrganisationKeys;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Grains.Options;
using IdeogramJobs.Grains.ProviderKeys;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.ProviderKeys;

/// <summary>Which key a job uses, its limit, and what an attempt may send, over an in-memory store and a real SecretProtector.</summary>
public sealed class JobProviderKeysTests
{
    private const string Organisation = "org_acme";
    private const string Key = "ideogram-key-of-acme-9f2c";
    private static readonly DateTime SetAt = new(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc);

    private readonly InMemoryOrganisationKeyStore store = new();
    private readonly SecretProtector protector = new(Microsoft.Extensions.Options.Options.Create(
        new SecretEncryptionOptions { Keys = "unit1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }));
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly JobProviderKeys keys;

    public JobProviderKeysTests()
    {
        keys = new JobProviderKeys(
            store,
            protector,
            Microsoft.Extensions.Options.Options.Create(new JobEngineOptions { IdeogramMaxInflightImages = 12 }),
            time,
            NullLogger<JobProviderKeys>.Instance);
        store.JobOf(1, Organisation);
    }

    [Fact]
    public async Task A_job_of_an_organisation_without_a_key_uses_the_service_key_and_its_limit()
    {
        var choice = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);

        Assert.Equal(new ProviderKeyChoice(ProviderKeyIdentity.Service, 12, "IDEOGRAM_MAX_INFLIGHT_IMAGES", null), choice);
        Assert.Null((await keys.ForAttemptAsync(choice.Identity, CancellationToken.None)).ApiKey);
    }

    [Fact]
    public async Task A_job_of_an_organisation_with_a_key_uses_it_at_the_organisations_limit_and_sends_the_decrypted_key()
    {
        StoreKey(limit: 6);

        var choice = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);
        var attempt = await keys.ForAttemptAsync(choice.Identity, CancellationToken.None);

        Assert.Equal(("org:org_acme", 6, (string?)null), (choice.Identity, choice.MaxInflightImages, choice.Unusable));
        Assert.Equal(Key, attempt.ApiKey?.Value);
        Assert.Equal(("9f2c", (DateTime?)SetAt, (string?)null), (attempt.LastFour, attempt.SetAt, attempt.Unusable));
        Assert.Equal(6, await keys.LimitAsync(choice.Identity, CancellationToken.None));
    }

    [Fact]
    public async Task A_job_keeps_the_key_it_was_first_given_when_its_organisation_sets_one_later()
    {
        var first = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);
        StoreKey(limit: 6);

        var again = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);

        Assert.Equal(ProviderKeyIdentity.Service, first.Identity);
        Assert.Equal(ProviderKeyIdentity.Service, again.Identity);
        Assert.Equal(ProviderKeyIdentity.Service, (await keys.ChooseAsync(1, first.Identity, CancellationToken.None)).Identity);
    }

    [Fact]
    public async Task A_removed_key_makes_the_job_pinned_to_it_unusable_with_a_reason_and_sends_nothing()
    {
        StoreKey(limit: 6);
        var choice = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);
        await store.RemoveKeyAsync(Organisation, CancellationToken.None);

        var attempt = await keys.ForAttemptAsync(choice.Identity, CancellationToken.None);

        Assert.Null(attempt.ApiKey);
        Assert.Contains("removed", attempt.Unusable, StringComparison.Ordinal);
        Assert.Contains("removed", (await keys.ChooseAsync(1, pinned: null, CancellationToken.None)).Unusable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_marks_the_key_refused_so_later_attempts_send_nothing_and_fail_with_the_reason()
    {
        StoreKey(limit: 6);
        var choice = await keys.ChooseAsync(1, pinned: null, CancellationToken.None);
        var attempt = await keys.ForAttemptAsync(choice.Identity, CancellationToken.None);

        var reason = await keys.RefusedAsync(attempt, HttpStatusCode.Unauthorized, CancellationToken.None);
        var later = await keys.ForAttemptAsync(choice.Identity, CancellationToken.None);

        Assert.Contains("ending 9f2c", reason, StringComparison.Ordinal);
        Assert.Contains("401", reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, reason, StringComparison.Ordinal);
        Assert.Null(later.ApiKey);
        Assert.Equal(reason, later.Unusable);
    }

    [Fact]
    public async Task A_refusal_of_a_replaced_key_does_not_blame_the_new_key()
    {
        StoreKey(limit: 6);
        var attempt = await keys.ForAttemptAsync(ProviderKeyIdentity.ForOrganisation(Organisation), CancellationToken.None);
        await store.SetKeyAsync(Organisation, protector.Protect("the-replacement-key-7d1e", StoredOrganisationKey.Purpose(Organisation)), "7d1e", SetAt.AddHours(1), CancellationToken.None);

        await keys.RefusedAsync(attempt, HttpStatusCode.Forbidden, CancellationToken.None);
        var next = await keys.ForAttemptAsync(ProviderKeyIdentity.ForOrganisation(Organisation), CancellationToken.None);

        Assert.Equal("the-replacement-key-7d1e", next.ApiKey?.Value);
        Assert.Null(next.Unusable);
    }

    [Fact]
    public async Task A_key_encrypted_for_another_organisation_is_not_sent_and_the_reason_names_the_master_key_variable()
    {
        store.Put(new StoredOrganisationKey(Organisation, protector.Protect(Key, StoredOrganisationKey.Purpose("org_other")), "9f2c", SetAt, 6, null, null));

        var attempt = await keys.ForAttemptAsync(ProviderKeyIdentity.ForOrganisation(Organisation), CancellationToken.None);

        Assert.Null(attempt.ApiKey);
        Assert.Contains(SecretEncryptionOptions.KeysVariable, attempt.Unusable, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, attempt.Unusable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_identity_without_a_row_has_Ideogram_s_default_limit()
    {
        Assert.Equal(StoredOrganisationKey.DefaultMaxInflightImages, await keys.LimitAsync(ProviderKeyIdentity.ForOrganisation("org_unknown"), CancellationToken.None));
        Assert.Equal(12, await keys.LimitAsync(ProviderKeyIdentity.Service, CancellationToken.None));
    }

    private void StoreKey(int limit) =>
        store.Put(new StoredOrganisationKey(Organisation, protector.Protect(Key, StoredOrganisationKey.Purpose(Organisation)), "9f2c", SetAt, limit, null, null));
}
