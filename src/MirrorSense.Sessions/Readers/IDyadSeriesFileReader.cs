using MirrorSense.Core;

namespace MirrorSense.Sessions.Readers;

/// <summary>Reads one file format into a dyad: two columns of a table become series A and B.</summary>
public interface IDyadSeriesFileReader
{
    /// <summary>
    /// Reads <paramref name="path"/>; the dyad is named after the file (without extension) and sampled
    /// at <paramref name="sampleRate"/> Hz. Missing cells become NaN.
    /// </summary>
    /// <exception cref="SeriesFormatException">The file is missing, empty or malformed, or lacks the selected columns.</exception>
    DyadSeries Read(string path, double sampleRate, ColumnSelection columns);
}
