namespace IdeogramJobs.Api.Tests.Webhooks;

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookServiceFixture>
{
    public const string Name = "webhook service";
}
