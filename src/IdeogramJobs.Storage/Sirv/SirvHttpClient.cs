namespace IdeogramJobs.Storage.Sirv;

/// <summary>The IHttpClientFactory name of the client configured for the Sirv REST API.</summary>
internal static class SirvHttpClient
{
    public const string Name = "IdeogramJobs.Storage.Sirv";
}
