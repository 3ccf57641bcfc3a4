using System.Text.Json.Nodes;
using IdeogramJobs.Storage;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>
/// Builds a job event's image URLs when the delivery is sent, from each image's stored URL and storage
/// path, with the builder the API answers with: a receiver gets the service's current address, however
/// long the delivery waited in the outbox. A row queued before storage paths were kept is re-based by its
/// URL's /media/ path, as the API does for old rows. Payloads without images go out as they were stored.
/// </summary>
public sealed class WebhookPayloadImages(ImageUrlBuilder urls)
{
    public string WithCurrentUrls(string payload)
    {
        if (!payload.Contains("\"images\"", StringComparison.Ordinal)
            || JsonNode.Parse(payload)?["data"]?["images"] is not JsonArray images)
        {
            return payload;
        }

        var changed = false;
        var serviceBase = urls.ConfiguredServiceBase;
        foreach (var image in images.OfType<JsonObject>())
        {
            if (image["url"]?.GetValue<string>() is not { } stored)
            {
                continue;
            }

            var current = urls.For(serviceBase, stored, image["storagePath"]?.GetValue<string>());
            if (!string.Equals(current, stored, StringComparison.Ordinal))
            {
                image["url"] = current;
                changed = true;
            }
        }

        return changed ? images.Root.ToJsonString() : payload;
    }
}
