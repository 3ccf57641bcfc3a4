using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// Reads a job submission sent as JSON, or as multipart/form-data with style reference images
/// (fields jobType, configId, prompt, overrides as JSON text, priority; files styleReferenceImages and
/// characterReferenceImage). Images are checked by their bytes: JPEG, PNG or WebP (415 otherwise), at most
/// three style references and one character reference, 10 MB in all (413).
/// </summary>
public sealed class ExecuteRequestReader(IOptions<JsonOptions> json)
{
    public const string ReferenceImagesField = "styleReferenceImages";
    public const string CharacterReferenceField = "characterReferenceImage";
    public const int MaxReferenceImages = 3;
    public const long MaxReferenceBytes = 10_000_000;

    public async Task<(ExecuteJobRequest? Request, IReadOnlyList<StyleReferenceUpload> Images, StyleReferenceUpload? CharacterReference, IResult? Problem)> ReadAsync(HttpContext context)
    {
        if (context.Request.HasJsonContentType())
        {
            try
            {
                var request = await context.Request.ReadFromJsonAsync<ExecuteJobRequest>(json.Value.SerializerOptions, context.RequestAborted);
                return request is null
                    ? (null, [], null, SettingsProblems.Invalid(JsonBodyError.BodyField, "The body must be a JSON object."))
                    : (request, [], null, null);
            }
            catch (JsonException e)
            {
                return (null, [], null, SettingsProblems.Invalid([.. JsonBodyError.Describe(e).Select(f => new SettingsError(f.Field, f.Message))]));
            }
        }

        if (!context.Request.HasFormContentType)
        {
            return (null, [], null, TypedResults.Problem(
                "Send the submission as application/json, or as multipart/form-data to include style reference images.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type"));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            // The form reader's own words (no boundary, a part without a valid Content-Disposition,
            // a name, value or part headers past their limits), cut short: they may quote the part's headers.
            var reason = e.Message.Length <= 200 ? e.Message : e.Message[..200] + "…";
            return (null, [], null, SettingsProblems.Invalid(JsonBodyError.BodyField, $"The form body is malformed: {reason}"));
        }
        catch (IOException e) when (e is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            // A body that ends before its closing boundary. A body over the limit (BadHttpRequestException) keeps its 413.
            return (null, [], null, SettingsProblems.Invalid(JsonBodyError.BodyField, "The form body ended before its closing boundary."));
        }

        var errors = new List<SettingsError>();
        var formRequest = new ExecuteJobRequest
        {
            JobType = Text(form, "jobType"),
            ConfigId = Number(form, "configId", errors),
            Prompt = Text(form, "prompt"),
            Overrides = Overrides(form, errors),
            Priority = Number(form, "priority", errors),
        };

        var files = form.Files.GetFiles(ReferenceImagesField);
        if (files.Count > MaxReferenceImages)
        {
            errors.Add(new(ReferenceImagesField, $"At most {MaxReferenceImages} style reference images.", files.Count.ToString(CultureInfo.InvariantCulture)));
        }

        var characterFiles = form.Files.GetFiles(CharacterReferenceField);
        if (characterFiles.Count > 1)
        {
            errors.Add(new(CharacterReferenceField, "Ideogram takes exactly one character reference image.", characterFiles.Count.ToString(CultureInfo.InvariantCulture)));
        }

        if (files.Sum(f => f.Length) + characterFiles.Sum(f => f.Length) > MaxReferenceBytes)
        {
            return (null, [], null, TypedResults.Problem(
                $"Reference images may total at most {MaxReferenceBytes:N0} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Images too large"));
        }

        var images = new List<StyleReferenceUpload>();
        foreach (var file in files.Concat(characterFiles.Take(1)))
        {
            await using var stream = file.OpenReadStream();
            var content = new byte[file.Length];
            await stream.ReadExactlyAsync(content, context.RequestAborted);
            // The image type by its first bytes, not by what the client claims.
            if (ImageSignature.Detect(content) is not { } contentType)
            {
                return (null, [], null, TypedResults.Problem(
                    $"'{file.FileName}' is not a JPEG, PNG or WebP image.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    title: "Unsupported image type"));
            }

            images.Add(new StyleReferenceUpload(Path.GetFileName(file.FileName), contentType, content));
        }

        var character = characterFiles.Count > 0 ? images[^1] : null;
        var styleReferences = character is null ? images : images[..^1];
        return errors.Count > 0 ? (null, [], null, SettingsProblems.Invalid(errors)) : (formRequest, styleReferences, character, null);
    }

    private static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    private static int? Number(IFormCollection form, string name, List<SettingsError> errors)
    {
        if (Text(form, name) is not { Length: > 0 } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new(name, $"{name} must be a whole number.", text.Length <= 40 ? text : text[..40]));
        return null;
    }

    private static JsonObject? Overrides(IFormCollection form, List<SettingsError> errors)
    {
        if (Text(form, "overrides") is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject overrides)
            {
                return overrides;
            }
        }
        catch (JsonException)
        {
        }

        errors.Add(new("overrides", "overrides must be a JSON object, e.g. {\"aspectRatio\":\"1:1\"}."));
        return null;
    }
}
