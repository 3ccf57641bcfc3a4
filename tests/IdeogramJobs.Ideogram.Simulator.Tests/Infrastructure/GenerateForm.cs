using System.Net.Http.Headers;
using System.Text;

namespace IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

/// <summary>Builds generate requests part by part, as a client would (one part per field, repeated names repeated).</summary>
public sealed class GenerateForm
{
    private readonly MultipartFormDataContent content = new();

    public static GenerateForm WithPrompt(string prompt = "a lighthouse at dusk") => new GenerateForm().Text("prompt", prompt);

    /// <summary>A text part as .NET's StringContent writes it (text/plain; charset=utf-8).</summary>
    public GenerateForm Text(string name, string value)
    {
        content.Add(new StringContent(value), name);
        return this;
    }

    /// <summary>A text part with no Content-Type header at all.</summary>
    public GenerateForm Bare(string name, string value)
    {
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name);
        return this;
    }

    public GenerateForm Json(string name, string json)
    {
        var part = new StringContent(json);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, name);
        return this;
    }

    public GenerateForm File(string name, string fileName, string contentType, byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, name, fileName);
        return this;
    }

    public MultipartFormDataContent Build() => content;

    public static implicit operator MultipartFormDataContent(GenerateForm form) => form.Build();
}
