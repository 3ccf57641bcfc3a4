using System.Security.Cryptography;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>The whole service with a master key (SECRET_ENCRYPTION_KEYS), so organisations' Ideogram keys can be stored.</summary>
public sealed class MasterKeyServiceFixture() : LoopbackServiceFixture(ServiceFixture.IdeogramKey)
{
    private readonly string masterKey = "ui1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override Dictionary<string, string?> Configure(LoopbackProcess process, Dictionary<string, string?> environment)
    {
        if (process == LoopbackProcess.Silo)
        {
            environment["SECRET_ENCRYPTION_KEYS"] = masterKey;
        }

        return environment;
    }
}
