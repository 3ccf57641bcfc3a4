using System.Security.Claims;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Hosting;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Brand;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Settings.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Brand;

/// <summary>
/// The account's brand library: style codes, colour palettes and style reference images, each named.
/// Any key of the account reads it; account admins write it. Runs and job-type defaults use an entry
/// by its reference, brand:{id}, in styleCodes, colorPalette.name or styleReferenceImages.
/// </summary>
public static class BrandApi
{
    public const string StyleCodesPath = "/api/brand/style-codes";
    public const string PalettesPath = "/api/brand/palettes";
    public const string StyleReferencesPath = "/api/brand/style-references";
    public const string ImageField = "image";

    private const string ById = "/{id:long:min(1)}";

    public static IEndpointRouteBuilder MapBrandApi(this IEndpointRouteBuilder app)
    {
        var codes = Group(app, StyleCodesPath);
        codes.MapGet("/", (ClaimsPrincipal user, IClusterClient cluster) => ListAsync(BrandAssetKind.StyleCodes, user, cluster))
            .WithName("ListBrandStyleCodes").WithSummary("The account's saved style codes");
        codes.MapGet(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => GetAsync(BrandAssetKind.StyleCodes, id, user, cluster))
            .WithName("GetBrandStyleCodes").WithSummary("One saved set of style codes");
        codes.MapPost("/", AddStyleCodesAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("AddBrandStyleCodes").WithSummary("Saves named style codes (account admins)").ProducesValidationProblem();
        codes.MapPut(ById, UpdateStyleCodesAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("UpdateBrandStyleCodes").WithSummary("Renames saved style codes or replaces them (account admins)").ProducesValidationProblem();
        codes.MapDelete(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => DeleteAsync(BrandAssetKind.StyleCodes, id, user, cluster))
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("DeleteBrandStyleCodes").WithSummary("Deletes saved style codes no job type's defaults name (account admins)");

        var palettes = Group(app, PalettesPath);
        palettes.MapGet("/", (ClaimsPrincipal user, IClusterClient cluster) => ListAsync(BrandAssetKind.Palette, user, cluster))
            .WithName("ListBrandPalettes").WithSummary("The account's saved colour palettes");
        palettes.MapGet(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => GetAsync(BrandAssetKind.Palette, id, user, cluster))
            .WithName("GetBrandPalette").WithSummary("One saved colour palette");
        palettes.MapPost("/", AddPaletteAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("AddBrandPalette").WithSummary("Saves a named colour palette: a preset or 1 to 8 hex colours (account admins)").ProducesValidationProblem();
        palettes.MapPut(ById, UpdatePaletteAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("UpdateBrandPalette").WithSummary("Renames a saved palette or replaces its colours (account admins)").ProducesValidationProblem();
        palettes.MapDelete(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => DeleteAsync(BrandAssetKind.Palette, id, user, cluster))
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("DeleteBrandPalette").WithSummary("Deletes a saved palette no job type's defaults name (account admins)");

        var references = Group(app, StyleReferencesPath);
        references.MapGet("/", (ClaimsPrincipal user, IClusterClient cluster) => ListAsync(BrandAssetKind.StyleReference, user, cluster))
            .WithName("ListBrandStyleReferences").WithSummary("The account's saved style reference images (without their bytes)");
        references.MapGet(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => GetAsync(BrandAssetKind.StyleReference, id, user, cluster))
            .WithName("GetBrandStyleReference").WithSummary("One saved style reference image's name and details");
        references.MapGet(ById + "/image", GetImageAsync)
            .WithName("GetBrandStyleReferenceImage").WithSummary("A saved style reference image's bytes");
        references.MapPost("/", AddStyleReferenceAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("AddBrandStyleReference")
            .WithSummary("Saves a named style reference image (account admins)")
            .WithDescription("multipart/form-data: a name field and one image file (JPEG, PNG or WebP, 10 MB at most). The same bytes added twice are stored once.")
            .Accepts<IFormFile>("multipart/form-data")
            .WithRequestBodyLimit(RequestBodyLimits.MultipartBytes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        references.MapPut(ById, RenameStyleReferenceAsync).RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("RenameBrandStyleReference").WithSummary("Renames a saved style reference image (account admins)").ProducesValidationProblem();
        references.MapDelete(ById, (long id, ClaimsPrincipal user, IClusterClient cluster) => DeleteAsync(BrandAssetKind.StyleReference, id, user, cluster))
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .WithName("DeleteBrandStyleReference").WithSummary("Deletes a saved style reference image no job type's defaults name (account admins)");

        return app;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder app, string path) =>
        app.MapGroup(path)
            .WithTags("Brand library")
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static IBrandLibraryGrain Library(ClaimsPrincipal user, IClusterClient cluster) =>
        cluster.GetGrain<IBrandLibraryGrain>(Caller.From(user).Account);

    private static async Task<Ok<IReadOnlyList<BrandAsset>>> ListAsync(BrandAssetKind kind, ClaimsPrincipal user, IClusterClient cluster) =>
        TypedResults.Ok(await Library(user, cluster).ListAsync(kind));

    private static async Task<IResult> GetAsync(BrandAssetKind kind, long id, ClaimsPrincipal user, IClusterClient cluster) =>
        await Library(user, cluster).GetAsync(kind, id) is { } asset ? TypedResults.Ok(asset) : BrandWriteResults.NotFound();

    private static async Task<IResult> GetImageAsync(long id, ClaimsPrincipal user, IClusterClient cluster) =>
        await Library(user, cluster).GetImageAsync(id) is { } image
            ? TypedResults.File(image.Content, image.ContentType)
            : BrandWriteResults.NotFound();

    private static async Task<IResult> DeleteAsync(BrandAssetKind kind, long id, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Deleted(await Library(user, cluster).DeleteAsync(kind, id));

    private static async Task<IResult> AddStyleCodesAsync(StyleCodesRequest request, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Created(await Library(user, cluster).AddAsync(StyleCodes(request)), StyleCodesPath);

    private static async Task<IResult> UpdateStyleCodesAsync(long id, StyleCodesRequest request, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Updated(await Library(user, cluster).UpdateAsync(id, StyleCodes(request)));

    private static async Task<IResult> AddPaletteAsync(PaletteRequest request, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Created(await Library(user, cluster).AddAsync(Palette(request)), PalettesPath);

    private static async Task<IResult> UpdatePaletteAsync(long id, PaletteRequest request, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Updated(await Library(user, cluster).UpdateAsync(id, Palette(request)));

    private static async Task<IResult> RenameStyleReferenceAsync(long id, BrandRenameRequest request, ClaimsPrincipal user, IClusterClient cluster) =>
        BrandWriteResults.Updated(await Library(user, cluster).UpdateAsync(id, new BrandAssetDraft { Kind = BrandAssetKind.StyleReference, Name = request.Name ?? string.Empty }));

    private static async Task<IResult> AddStyleReferenceAsync(HttpContext context, IClusterClient cluster)
    {
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send multipart/form-data with a name field and an image file.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return SettingsProblems.Invalid(JsonBodyError.BodyField, "The form body is malformed.");
        }

        var files = form.Files.GetFiles(ImageField);
        if (files.Count != 1)
        {
            return SettingsProblems.Invalid(ImageField, "Upload exactly one image file in the 'image' field.", files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var file = files[0];
        if (file.Length > V3Vocabulary.MaxStyleReferenceTotalBytes)
        {
            return TypedResults.Problem($"A style reference image is at most {V3Vocabulary.MaxStyleReferenceTotalBytes:N0} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Image too large");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, context.RequestAborted);
        }

        // The type is taken from the bytes, not from what the client claims.
        if (ImageSignature.Detect(content) is not { } contentType || !V3Vocabulary.ImageContentTypes.Contains(contentType))
        {
            return TypedResults.Problem($"'{Path.GetFileName(file.FileName)}' is not a JPEG, PNG or WebP image.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported image type", extensions: new Dictionary<string, object?> { ["field"] = ImageField });
        }

        var draft = new BrandAssetDraft
        {
            Kind = BrandAssetKind.StyleReference,
            Name = form.TryGetValue("name", out var name) ? name.ToString() : string.Empty,
            Image = new StyleReferenceUpload(Path.GetFileName(file.FileName), contentType, content),
        };
        return BrandWriteResults.Created(await Library(context.User, cluster).AddAsync(draft), StyleReferencesPath);
    }

    private static BrandAssetDraft StyleCodes(StyleCodesRequest request) =>
        new() { Kind = BrandAssetKind.StyleCodes, Name = request.Name ?? string.Empty, StyleCodes = request.Codes };

    private static BrandAssetDraft Palette(PaletteRequest request) =>
        new() { Kind = BrandAssetKind.Palette, Name = request.Name ?? string.Empty, Palette = request.Palette };
}
