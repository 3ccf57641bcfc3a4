namespace IdeogramJobs.Api.Brand;

/// <summary>A named set of Ideogram style codes (each 8 hexadecimal characters).</summary>
public sealed record StyleCodesRequest(string? Name, IReadOnlyList<string>? Codes);
