using System.Globalization;
using MirrorSense.Core;
using MirrorSense.Sessions.Features;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Cli;

/// <summary>
/// The faces of a session from OpenFace: both people's frames on the analysis grid (from the start asked for, the
/// same grid the body features lie on), their nods and shakes from head pitch and yaw, and the face signals of the
/// measures.
/// </summary>
internal sealed class OpenFaceSide
{
    private OpenFaceSide(IReadOnlyList<FeatureSample> samples, FeatureGridOptions grid, MediaTime? lastFrame)
    {
        Samples = samples;
        Features = FeatureSeries.Collect(samples, FaceFeatures.Schema, grid);
        HeadMovements = Synchrony.Features.HeadMovements.FromHeadAngles(Features);
        LastFrame = lastFrame;
    }

    /// <summary>Grid samples, values in <see cref="FaceFeatures.Names"/> order.</summary>
    public IReadOnlyList<FeatureSample> Samples { get; }

    public FeatureSeries Features { get; }

    public IReadOnlyList<HeadMovementEvent> HeadMovements { get; }

    /// <summary>The later of the two files' last frames analysed, null when neither had one.</summary>
    public MediaTime? LastFrame { get; }

    /// <summary>Places both files' frames on the grid; what is worth knowing about them (untracked frames, different lengths) goes to <paramref name="warnings"/>.</summary>
    public static OpenFaceSide Read(AnalyzeRequest request, List<string> warnings)
    {
        var input = request.OpenFace ?? throw new InvalidOperationException("The session has no OpenFace input.");
        var grid = new FeatureGridOptions(Origin: request.StartTime);
        var used = new[] { (Participant.A, input.FramesA), (Participant.B, input.FramesB) }
            .Select(side => (Who: side.Item1, Frames: side.Item2.Where(f => request.Includes(f.Time)).ToList()))
            .ToArray();
        foreach (var (who, frames) in used)
        {
            var untracked = frames.Count(f => !f.Success || !(f.Confidence >= OpenFaceFeatures.MinimumConfidence));
            if (frames.Count == 0)
                warnings.Add($"OpenFace: {who}'s file has no frames in the analysed time: {who}'s face features are missing.");
            else if (untracked > 0)
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"OpenFace: {who}'s face was not tracked (success 0 or confidence under {OpenFaceFeatures.MinimumConfidence}) in {untracked} of {frames.Count} frames: face features are missing there, not zero."));
        }

        var ends = used.Where(side => side.Frames.Count > 0).Select(side => side.Frames[^1].Time).ToArray();
        if (ends.Length == 2 && Math.Abs((ends[0] - ends[1]).TotalSeconds) > 1)
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"OpenFace: A's file ends at {ends[0].Seconds:0.##} s and B's at {ends[1].Seconds:0.##} s; aligned by their timestamps, the shorter one's face is missing after its end."));
        var end = request.End is { } last ? MediaTime.FromSeconds(last) : (MediaTime?)null;
        var samples = OpenFaceFeatures.OnGrid(input.FramesA, input.FramesB, input.Cameras, grid, end);
        return new OpenFaceSide(samples, grid, ends.Length == 0 ? null : ends.Max());
    }

    public FaceSignals Signals() => new(Features.Dyad(FaceFeatures.Smile), Features.Dyad(FaceFeatures.LookingAtPartner), HeadMovements);

    /// <summary>features.csv of a session whose only pictures are OpenFace's.</summary>
    public void WriteFeatures(TextWriter writer)
    {
        using var table = new FeatureCsvWriter(writer, FaceFeatures.Schema, leaveOpen: true);
        foreach (var sample in Samples)
            table.Write(sample);
    }
}
