using System.Collections.Immutable;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Live;

/// <summary>Where the live engine finds the posture descriptor and the gesture feature in the body grid's samples.</summary>
public sealed record LiveBodyLayout
{
    /// <param name="featureNames">The names of the values in every <see cref="FeatureSample"/>, in order.</param>
    /// <param name="gestureFeature">The motion energy gesture synchrony follows (e.g. pixel motion, or motion_body).</param>
    /// <param name="sampleRate">The grid's samples per second.</param>
    public LiveBodyLayout(IReadOnlyList<string> featureNames, string gestureFeature, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var names = featureNames.ToList();
        Schema = PostureDescriptor.Schema;
        PostureIndices = [.. Schema.Components.Select(c => Find(names, c.Name))];
        GestureIndex = Find(names, gestureFeature);
        Width = names.Count;
        SampleRate = sampleRate > 0 ? sampleRate : throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The grid rate must be positive.");
    }

    public PostureSchema Schema { get; }
    public ImmutableArray<int> PostureIndices { get; }
    public int GestureIndex { get; }
    public int Width { get; }
    public double SampleRate { get; }

    private static int Find(List<string> names, string name)
    {
        var index = names.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"The body features have no '{name}' ({string.Join(", ", names)}).");
    }
}
