using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Tests.Jobs;

/// <summary>One block of a text/event-stream body: an event (type, id, JSON data) or a comment line.</summary>
public sealed record EventStreamItem(string? Type, long? Id, JsonNode? Data, string? Comment, TimeSpan At)
{
    public bool IsComment => Comment is not null;

    /// <summary>
    /// Reads the whole stream of <paramref name="path"/>, failing when it has not ended within
    /// <paramref name="within"/>; <see cref="At"/> is when each block arrived after the request was sent.
    /// </summary>
    public static async Task<IReadOnlyList<EventStreamItem>> ReadAllAsync(HttpClient http, string path, TimeSpan within, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(within);
        var items = new List<EventStreamItem>();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(deadline.Token), Encoding.UTF8);
            string? type = null;
            long? id = null;
            JsonNode? data = null;
            while (await reader.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(':'))
                {
                    items.Add(new EventStreamItem(null, null, null, line[1..].Trim(), clock.Elapsed));
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..]);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = JsonNode.Parse(line[6..]);
                }
                else if (line.Length == 0 && data is not null)
                {
                    items.Add(new EventStreamItem(type, id, data, null, clock.Elapsed));
                    (type, id, data) = (null, null, null);
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Waited {within.TotalSeconds:0}s for the stream of {path} (Last-Event-ID {lastEventId ?? "none"}) to end; it sent {items.Count} blocks: "
                + string.Join(", ", items.Select(i => i.Comment ?? $"{i.Type} {i.Id}")));
        }

        return items;
    }
}
