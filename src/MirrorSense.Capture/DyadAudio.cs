using MirrorSense.Core;

namespace MirrorSense.Capture;

/// <summary>
/// Where each participant's voice is recorded: the two channels of one stereo file (left = A, right = B) or one file
/// per participant. Each participant's source is opened independently, so A and B can be read on separate threads
/// and at their own pace while sharing one media clock (both start at the file start).
/// </summary>
public sealed record DyadAudio
{
    private DyadAudio(string a, ChannelSelection channelA, string b, ChannelSelection channelB)
    {
        PathA = a;
        ChannelA = channelA;
        PathB = b;
        ChannelB = channelB;
    }

    public string PathA { get; }
    public ChannelSelection ChannelA { get; }
    public string PathB { get; }
    public ChannelSelection ChannelB { get; }

    public static DyadAudio FromStereoFile(string path) => new(path, ChannelSelection.Left, path, ChannelSelection.Right);

    public static DyadAudio FromFiles(string pathA, string pathB) => new(pathA, ChannelSelection.Mix, pathB, ChannelSelection.Mix);

    /// <summary>Opens the mono signal of <paramref name="participant"/>.</summary>
    public IAudioSource Open(Participant participant, int? sampleRate = null) =>
        participant == Participant.A
            ? AudioFile.OpenMono(PathA, ChannelA, sampleRate)
            : AudioFile.OpenMono(PathB, ChannelB, sampleRate);
}
