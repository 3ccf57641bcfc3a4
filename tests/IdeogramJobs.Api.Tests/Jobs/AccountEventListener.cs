using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace IdeogramJobs.Api.Tests.Jobs;

/// <summary>
/// An open GET /api/jobs/events of one key, read in the background; tests wait for the blocks they
/// expect (each wait bounded). The account stream never ends by itself, so disposing closes it.
/// </summary>
public sealed class AccountEventListener : IAsyncDisposable
{
    private readonly CancellationTokenSource closing = new();
    private readonly Channel<EventStreamItem> arrived = Channel.CreateUnbounded<EventStreamItem>();
    private readonly List<EventStreamItem> seen = [];
    private readonly HttpResponseMessage response;
    private readonly Task reading;

    private AccountEventListener(HttpResponseMessage response)
    {
        this.response = response;
        reading = ReadAsync();
    }

    public IReadOnlyList<EventStreamItem> Seen => seen;

    public static async Task<AccountEventListener> OpenAsync(HttpClient http, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is { } id)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            // Read only when refused: a stream's body never ends.
            Assert.Fail($"GET /api/jobs/events answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new AccountEventListener(response);
    }

    /// <summary>The next block (in order of arrival, after those already waited past) that matches.</summary>
    public async Task<EventStreamItem> WaitForAsync(Func<EventStreamItem, bool> match, string what, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var item = await arrived.Reader.ReadAsync(deadline.Token);
                if (match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {within.TotalSeconds:0}s for {what} on the account stream; it sent: "
                + string.Join(", ", Seen.Select(i => i.Comment ?? $"{i.Type} {i.Id} job {i.Data?["jobId"]} {i.Data?["status"]}")));
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The account stream ended while waiting for {what}.");
        }
    }

    /// <summary>Whether a matching block arrived while the stream was open (for "never arrives" checks after a later event).</summary>
    public bool Any(Func<EventStreamItem, bool> match)
    {
        lock (seen)
        {
            return seen.Any(match);
        }
    }

    private async Task ReadAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(closing.Token), Encoding.UTF8);
            string? type = null;
            long? id = null;
            JsonNode? data = null;
            while (await reader.ReadLineAsync(closing.Token) is { } line)
            {
                EventStreamItem? item = null;
                if (line.StartsWith(':'))
                {
                    item = new EventStreamItem(null, null, null, line[1..].Trim(), clock.Elapsed);
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line[4..], CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data = JsonNode.Parse(line[6..]);
                }
                else if (line.Length == 0 && data is not null)
                {
                    item = new EventStreamItem(type, id, data, null, clock.Elapsed);
                    (type, id, data) = (null, null, null);
                }

                if (item is not null)
                {
                    lock (seen)
                    {
                        seen.Add(item);
                    }

                    arrived.Writer.TryWrite(item);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by the test, or the connection dropped: waiters see the channel complete.
        }
        finally
        {
            arrived.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        await reading;
        response.Dispose();
        closing.Dispose();
    }
}
