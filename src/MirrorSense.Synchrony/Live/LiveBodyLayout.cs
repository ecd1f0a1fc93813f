using System.Collections.Immutable;
using MirrorSense.Core;
using MirrorSense.Synchrony.Features;
using MirrorSense.Synchrony.Features.Face;
using MirrorSense.Synchrony.Mirroring;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// Where the live engine finds the posture descriptor, the gesture feature and, when the samples carry faces, the
/// smile, the look towards the partner and the head's pitch in the body grid's samples.
/// </summary>
public sealed record LiveBodyLayout
{
    /// <param name="features">The features of every <see cref="FeatureSample"/> the engine will be given.</param>
    /// <param name="gestureFeature">The motion energy gesture synchrony follows (e.g. pixel motion, or motion_body).</param>
    /// <param name="sampleRate">The grid's samples per second.</param>
    /// <exception cref="ArgumentException">The features lack a posture component or the gesture feature (named in the message).</exception>
    public LiveBodyLayout(FeatureSchema features, string gestureFeature, double sampleRate)
    {
        ArgumentNullException.ThrowIfNull(features);
        Features = features;
        Schema = PostureDescriptor.Schema;
        PostureIndices = [.. Schema.Components.Select(c => features.IndexOf(c.Name))];
        GestureIndex = features.IndexOf(gestureFeature);
        if (features.Contains(FaceFeatures.Smile) && features.Contains(FaceFeatures.LookingAtPartner) && features.Contains(FaceFeatures.HeadPitch))
            Faces = new FaceIndices(features.IndexOf(FaceFeatures.Smile), features.IndexOf(FaceFeatures.LookingAtPartner), features.IndexOf(FaceFeatures.HeadPitch));
        SampleRate = sampleRate > 0 ? sampleRate : throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The grid rate must be positive.");
    }

    public FeatureSchema Features { get; }
    public PostureSchema Schema { get; }
    public ImmutableArray<int> PostureIndices { get; }
    public int GestureIndex { get; }

    /// <summary>The face features' places, null when the samples carry no faces.</summary>
    public FaceIndices? Faces { get; }
    public int Width => Features.Count;
    public double SampleRate { get; }
}

/// <summary>Where a body sample holds a person's smile, their look towards the partner (1 or 0) and their head's pitch (degrees).</summary>
public sealed record FaceIndices(int Smile, int LookingAtPartner, int HeadPitch);
