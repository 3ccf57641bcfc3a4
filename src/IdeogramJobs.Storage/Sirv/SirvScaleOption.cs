namespace IdeogramJobs.Storage.Sirv;

/// <summary>How Sirv combines w and h (the scale.option query parameter).</summary>
public enum SirvScaleOption
{
    /// <summary>Inside the box, aspect ratio kept (Sirv's default).</summary>
    Fit,

    /// <summary>Covers the box exactly; the excess is cropped.</summary>
    Fill,

    /// <summary>Stretched to the box.</summary>
    Ignore,

    /// <summary>Never enlarged beyond the original.</summary>
    Noup,
}
