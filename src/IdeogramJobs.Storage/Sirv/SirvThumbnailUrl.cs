using System.Globalization;
using System.Text;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>
/// Builds Sirv dynamic-imaging URLs (resized, re-encoded variants of a stored image). The stored
/// original never changes; Sirv renders the variant on request.
/// </summary>
public static class SirvThumbnailUrl
{
    private const int MaxDimension = 10_000;

    /// <summary>
    /// Appends w, h, scale.option, q and format to a Sirv public URL, keeping any query it already has.
    /// Use <see cref="SirvScaleOption.Fill"/> for exact sizes: the default fit only bounds the image.
    /// </summary>
    public static string Build(
        string publicUrl,
        int? width = null,
        int? height = null,
        SirvScaleOption? scale = null,
        int? quality = null,
        SirvImageFormat? format = null)
    {
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{publicUrl}' is not an absolute http(s) URL.", nameof(publicUrl));
        }

        if (width is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width.Value, nameof(width));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(width.Value, MaxDimension, nameof(width));
        }

        if (height is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height.Value, nameof(height));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(height.Value, MaxDimension, nameof(height));
        }

        if (quality is not null)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(quality.Value, nameof(quality));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(quality.Value, 100, nameof(quality));
        }

        var parameters = new List<string>();
        if (width is not null)
        {
            parameters.Add("w=" + width.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (height is not null)
        {
            parameters.Add("h=" + height.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (scale is not null)
        {
            parameters.Add("scale.option=" + scale.Value.ToString().ToLowerInvariant());
        }

        if (quality is not null)
        {
            parameters.Add("q=" + quality.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (format is not null)
        {
            parameters.Add("format=" + format.Value.ToString().ToLowerInvariant());
        }

        if (parameters.Count == 0)
        {
            return publicUrl;
        }

        var fragmentStart = publicUrl.IndexOf('#', StringComparison.Ordinal);
        var withoutFragment = fragmentStart < 0 ? publicUrl : publicUrl[..fragmentStart];
        var fragment = fragmentStart < 0 ? string.Empty : publicUrl[fragmentStart..];
        var separator = withoutFragment.Contains('?', StringComparison.Ordinal)
            ? (withoutFragment.EndsWith('?') || withoutFragment.EndsWith('&') ? string.Empty : "&")
            : "?";
        return new StringBuilder(withoutFragment).Append(separator).AppendJoin('&', parameters).Append(fragment).ToString();
    }
}
