using MirrorSense.Fixtures;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>The material of a rigged live session: the constructed dyad video of the two photographed people and their espeak-ng voices.</summary>
internal static class RiggedDyad
{
    /// <summary>A asks and B answers, twice, for as long as the session lasts (the voices repeat).</summary>
    private static readonly ConstructedSession.Turn[] Conversation =
    [
        new('A', "How was the week for you?", 50, 160), new('B', "It was busy but mostly fine.", 80, 170),
        new('A', "What helped you most?", 50, 160), new('B', "Talking to my sister helped.", 80, 170),
    ];

    /// <summary>Writes dyad.avi (A leaning by <paramref name="leanA"/>, B by <paramref name="leanB"/>) and voices.wav into <paramref name="folder"/>.</summary>
    public static (string Video, string Voices) Write(TempFolder folder, double seconds, Func<double, double> leanA, Func<double, double> leanB)
    {
        using var sheet = Cv2.ImRead(NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg"));
        var (woman, man) = ConstructedDyadVideo.PeopleOf(sheet);
        using var _ = woman;
        using var __ = man;
        var video = folder.Combine("dyad.avi");
        new ConstructedDyadVideo(Seconds: seconds).Write(video, woman, man, leanA, leanB);
        var voices = folder.Combine("voices.wav");
        ConstructedSession.WriteVoices(voices, seconds, Conversation);
        return (video, voices);
    }
}
