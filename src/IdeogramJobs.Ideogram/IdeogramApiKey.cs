namespace IdeogramJobs.Ideogram;

/// <summary>
/// The Ideogram key one request is sent with (an organisation's own key). A wrapper, not a string, so that it
/// prints as <c>***</c> wherever the request is logged or shown.
/// </summary>
public sealed class IdeogramApiKey(string value)
{
    public string Value { get; } = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("An Ideogram key cannot be empty.", nameof(value));

    public override string ToString() => "***";
}
