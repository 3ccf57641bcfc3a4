using System.Globalization;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Brand;
using IdeogramJobs.Database.Configurations;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Brand;

/// <summary>
/// One account's brand library. Holds no state of its own: the table is the truth, so every silo
/// answers the same and a rename is seen at the next submission.
/// </summary>
public sealed class BrandLibraryGrain(
    IBrandLibraryStore store,
    IJobConfigurationStore configurations,
    ILogger<BrandLibraryGrain> logger) : Grain, IBrandLibraryGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public Task<IReadOnlyList<BrandAsset>> ListAsync(BrandAssetKind kind) => store.ListAsync(AccountId, kind, CancellationToken.None);

    public async Task<BrandAsset?> GetAsync(BrandAssetKind kind, long id) =>
        (await store.GetAsync(AccountId, [id], CancellationToken.None)).SingleOrDefault(a => a.Kind == kind);

    public Task<StyleReferenceUpload?> GetImageAsync(long id) => store.GetImageAsync(AccountId, id, CancellationToken.None);

    public async Task<BrandWriteResult> AddAsync(BrandAssetDraft draft)
    {
        draft = draft with { Name = draft.Name?.Trim() ?? string.Empty };
        if (BrandAssetValidator.Validate(draft, isNew: true) is { Count: > 0 } errors)
        {
            return new BrandWriteResult { Outcome = BrandWriteOutcome.Invalid, Errors = errors };
        }

        var asset = await store.InsertAsync(AccountId, draft, CancellationToken.None);
        if (asset is null)
        {
            return NameTaken(draft.Name);
        }

        logger.LogInformation("Brand library entry {AssetId} ({Kind}) added to account {AccountId}", asset.Id, asset.Kind, AccountId);
        return new BrandWriteResult { Outcome = BrandWriteOutcome.Saved, Asset = asset };
    }

    public async Task<BrandWriteResult> UpdateAsync(long id, BrandAssetDraft draft)
    {
        draft = draft with { Name = draft.Name?.Trim() ?? string.Empty, Image = null };
        if (BrandAssetValidator.Validate(draft, isNew: false) is { Count: > 0 } errors)
        {
            return new BrandWriteResult { Outcome = BrandWriteOutcome.Invalid, Errors = errors };
        }

        var (outcome, asset) = await store.UpdateAsync(AccountId, id, draft, CancellationToken.None);
        return outcome == BrandWriteOutcome.NameTaken ? NameTaken(draft.Name) : new BrandWriteResult { Outcome = outcome, Asset = asset };
    }

    public async Task<BrandWriteResult> DeleteAsync(BrandAssetKind kind, long id)
    {
        if (await GetAsync(kind, id) is null)
        {
            return new BrandWriteResult { Outcome = BrandWriteOutcome.NotFound };
        }

        var users = (await configurations.ListAsync(AccountId, includeInactive: true, CancellationToken.None))
            .Where(c => BrandReference.Names(c.DefaultSettings, id))
            .Select(c => c.JobTypeName)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (users.Count > 0)
        {
            return new BrandWriteResult { Outcome = BrandWriteOutcome.InUse, UsedByJobTypes = users };
        }

        return await store.DeleteAsync(AccountId, id, CancellationToken.None)
            ? new BrandWriteResult { Outcome = BrandWriteOutcome.Deleted }
            : new BrandWriteResult { Outcome = BrandWriteOutcome.NotFound };
    }

    public async Task<BrandResolution> ResolveAsync(JobSettings settings)
    {
        if (!BrandReference.AnyIn(settings))
        {
            return new BrandResolution { Settings = settings };
        }

        var wanted = new HashSet<long>();
        Collect(settings.ColorPalette?.Name, wanted);
        foreach (var value in (settings.StyleCodes ?? []).Concat(settings.StyleReferenceImages ?? []))
        {
            Collect(value, wanted);
        }

        var found = (await store.GetAsync(AccountId, wanted, CancellationToken.None)).ToDictionary(a => a.Id);
        var errors = new List<SettingsError>();
        BrandAsset? Find(string reference, BrandAssetKind kind, string field)
        {
            if (BrandReference.TryParse(reference, out var id) && found.TryGetValue(id, out var asset) && asset.Kind == kind)
            {
                return asset;
            }

            errors.Add(new SettingsError(field, $"{field} names '{reference}', which is not a {Describe(kind)} of this account's brand library.", reference));
            return null;
        }

        var resolved = settings;
        if (BrandReference.IsReference(settings.ColorPalette?.Name))
        {
            resolved = resolved with { ColorPalette = Find(settings.ColorPalette!.Name!, BrandAssetKind.Palette, "colorPalette.name")?.Palette };
        }

        if (settings.StyleCodes is { } codes && codes.Any(BrandReference.IsReference))
        {
            resolved = resolved with
            {
                StyleCodes = [.. codes.SelectMany((code, i) => BrandReference.IsReference(code)
                    ? Find(code, BrandAssetKind.StyleCodes, Indexed("styleCodes", i))?.StyleCodes ?? []
                    : [code]).Distinct(StringComparer.OrdinalIgnoreCase)],
            };
        }

        var images = new List<StyleReferenceUpload>();
        if (settings.StyleReferenceImages is { } references && references.Any(BrandReference.IsReference))
        {
            for (var i = 0; i < references.Count; i++)
            {
                // Other entries label images uploaded with the submission, which come with it and are relabelled there.
                if (BrandReference.IsReference(references[i])
                    && Find(references[i], BrandAssetKind.StyleReference, Indexed("styleReferenceImages", i)) is { } asset
                    && await store.GetImageAsync(AccountId, asset.Id, CancellationToken.None) is { } image)
                {
                    images.Add(image);
                }
            }

            resolved = resolved with { StyleReferenceImages = null };
        }

        return new BrandResolution { Settings = resolved, Images = images, Errors = errors };
    }

    private static void Collect(string? value, HashSet<long> ids)
    {
        if (BrandReference.TryParse(value, out var id))
        {
            ids.Add(id);
        }
    }

    private static string Indexed(string field, int index) => $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static string Describe(BrandAssetKind kind) => kind switch
    {
        BrandAssetKind.StyleCodes => "style code entry",
        BrandAssetKind.Palette => "palette",
        _ => "style reference image",
    };

    private static BrandWriteResult NameTaken(string name) => new()
    {
        Outcome = BrandWriteOutcome.NameTaken,
        Errors = [new SettingsError("name", $"The brand library already has an entry of this kind named '{name}'.", name)],
    };
}
