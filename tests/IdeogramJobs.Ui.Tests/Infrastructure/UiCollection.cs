namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>One running service and one browser for all the UI scenarios (each scenario uses accounts of its own).</summary>
[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiServiceFixture>
{
    public const string Name = "ui";
}
