namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>One colour of a rendered image and its relative share of the image.</summary>
public sealed record ColourBand(byte Red, byte Green, byte Blue, double Weight);
