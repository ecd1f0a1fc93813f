using MirrorSense.Core;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The `face` event: what each person's face says at one frame, for the marker the page draws by the face.</summary>
internal sealed record FaceMessage(double TimeS, long CapturedMs, IReadOnlyList<FaceMarker> People)
{
    /// <summary>The people whose face was read on the frame; a person without one is left out (the page then draws no marker).</summary>
    public static FaceMessage From(FeatureFrame frame, DashboardFeed feed) => new(
        frame.Time.Seconds,
        feed.CapturedUnixMs(frame.Time),
        [.. Enum.GetValues<Participant>().Select(who => FaceMarker.Of(frame, who)).OfType<FaceMarker>()]);
}

/// <summary>
/// One person's face marker: <paramref name="Smile"/> (0 at their neutral mouth, 1 at a broad smile), whether they look
/// towards the partner (null when that cannot be told), and where their head points (degrees; yaw positive towards
/// the viewer's left, pitch positive up).
/// </summary>
internal sealed record FaceMarker(string Participant, double? Smile, bool? LookingAtPartner, double? GazeYaw, double? GazePitch)
{
    public static FaceMarker? Of(FeatureFrame frame, Participant who)
    {
        double Read(string name) => frame.Value(who, name);
        var smile = Read(FaceFeatures.Smile);
        var (yaw, pitch) = (Read(FaceFeatures.GazeYaw), Read(FaceFeatures.GazePitch));
        if (double.IsNaN(smile) && double.IsNaN(yaw))
            return null;
        var looking = Read(FaceFeatures.LookingAtPartner);
        return new FaceMarker(who.ToString(), WireValues.Finite(smile), double.IsNaN(looking) ? null : looking >= 0.5, WireValues.Finite(yaw), WireValues.Finite(pitch));
    }
}
