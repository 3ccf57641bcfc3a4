using IdeogramJobs.Database.Webhooks;
using IdeogramJobs.Grains.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace IdeogramJobs.Grains.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Body = """{"type":"job.completed","timestamp":"2026-01-01T00:00:00Z","data":{"jobId":7}}""";

    [Fact]
    public void A_signature_verifies_with_the_StandardWebhooks_library()
    {
        var secret = WebhookSecret.Generate();
        var headers = Headers("msg_1", DateTimeOffset.UtcNow, Body, [secret]);

        new StandardWebhook(secret).Verify(Body, headers);
    }

    [Fact]
    public void During_a_rotation_the_new_secret_signs_first_and_the_old_one_beside_it()
    {
        var current = WebhookSecret.Generate();
        var previous = WebhookSecret.Generate();
        var headers = Headers("msg_2", DateTimeOffset.UtcNow, Body, [current, previous]);
        var entries = headers[WebhookSignature.SignatureHeader].ToString().Split(' ');

        Assert.Equal(2, entries.Length);
        new StandardWebhook(current).Verify(Body, headers);
        // StandardWebhooks 1.1.2 compares the first entry only, so the old secret's entry is checked on its own.
        headers[WebhookSignature.SignatureHeader] = entries[1];
        new StandardWebhook(previous).Verify(Body, headers);
    }

    [Fact]
    public void A_changed_body_or_another_secret_does_not_verify()
    {
        var secret = WebhookSecret.Generate();
        var headers = Headers("msg_3", DateTimeOffset.UtcNow, Body, [secret]);

        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(secret).Verify(Body.Replace("7", "8"), headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(WebhookSecret.Generate()).Verify(Body, headers));
    }

    [Fact]
    public void Secrets_are_whsec_and_32_random_bytes()
    {
        var secret = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, WebhookSecret.KeyBytes(secret).Length);
        Assert.NotEqual(secret, WebhookSecret.Generate());
    }

    private static HeaderDictionary Headers(string id, DateTimeOffset at, string body, IReadOnlyList<string> secrets)
    {
        var timestamp = WebhookSignature.Timestamp(at);
        return new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = id,
            [WebhookSignature.TimestampHeader] = timestamp,
            [WebhookSignature.SignatureHeader] = WebhookSignature.Sign(id, timestamp, body, secrets),
        };
    }
}
