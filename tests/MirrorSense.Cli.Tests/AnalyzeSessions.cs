using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Cli.Tests;

/// <summary>
/// Constructed dyad sessions for <c>mirrorsense analyze</c> (TESTING.md), each made and analysed once for all the
/// tests that look at it: the seated woman (A, left) and the seated man (B, right) of @vladmandic/human's photo
/// sheet (MIT), leaning by known signals; espeak-ng voices taking turns.
/// </summary>
public sealed class AnalyzeSessions : IDisposable
{
    public const double Seconds = 40;

    private readonly TempFolder _folder = new("mirrorsense-analyze-");
    private readonly Lazy<string> _mirrored;
    private readonly Lazy<string> _sameSide;
    private readonly Lazy<string> _independent;
    private readonly Lazy<string> _voices;
    private readonly Lazy<string> _shortTurns;
    private readonly Lazy<string> _shortTurnsAnalysis;

    public AnalyzeSessions()
    {
        _mirrored = new(() => Video("mirrored.avi", ConstructedSession.Lean(11), lean => ConstructedSession.MirroredCopy(lean, 1.0)));
        _sameSide = new(() => Video("same-side.avi", ConstructedSession.Lean(12), lean => ConstructedSession.SameSideCopy(lean, 1.0),
            hidden: [(true, 24, 28), (false, 24, 28)]));
        _independent = new(() => Video("independent.avi", ConstructedSession.Lean(13), _ => ConstructedSession.Lean(14)));
        _voices = new(() =>
        {
            var path = _folder.Combine("voices.wav");
            ConstructedSession.WriteVoices(path, Seconds + 10, Turns(bPitch: _ => 80, bSpeed: _ => 160));
            return path;
        });
        _shortTurns = new(() =>
        {
            var path = _folder.Combine("short-turns.wav");
            ConstructedSession.WriteVoices(path, 20, Turns(bPitch: _ => 80, bSpeed: _ => 160));
            return path;
        });
        _shortTurnsAnalysis = new(() =>
        {
            var output = _folder.Combine("short-turns");
            var run = MirrorSenseProcess.Run("analyze", "--audio", ShortTurns, "--out", output);
            Assert.True(run.ExitCode == 0, run.Error);
            return output;
        });
    }

    public string Folder(string name) => _folder.Combine(name);

    /// <summary>B mirrors A's lean one second later.</summary>
    public string Mirrored => _mirrored.Value;

    /// <summary>B copies A's lean to the same side one second later; both are out of view from 24 to 28 s.</summary>
    public string SameSide => _sameSide.Value;

    /// <summary>A and B lean on their own.</summary>
    public string Independent => _independent.Value;

    /// <summary>Two voices in stereo (A left, B right), 10 s longer than the videos.</summary>
    public string Voices => _voices.Value;

    /// <summary>20 s of A and B taking turns in stereo (A left, B right), no video.</summary>
    public string ShortTurns => _shortTurns.Value;

    /// <summary>The output folder of <c>analyze --audio</c> on <see cref="ShortTurns"/>.</summary>
    public string ShortTurnsAnalysis => _shortTurnsAnalysis.Value;

    /// <summary>Alternating turns: A's voice steady; B's pitch and speed per turn as given.</summary>
    public static IReadOnlyList<ConstructedSession.Turn> Turns(Func<int, int> bPitch, Func<int, int> bSpeed)
    {
        string[] a = ["How was the week for you?", "That sounds like a lot to carry.", "What helped you most?", "I see what you mean.", "Tell me more about that.", "And how did that feel?"];
        string[] b = ["It was busy but mostly fine.", "Yes, the deadlines kept moving.", "Talking to my sister helped.", "It was hard to switch off.", "We had a long meeting on Friday.", "Tired, but a little relieved."];
        var turns = new List<ConstructedSession.Turn>();
        for (var i = 0; i < 24; i++)
        {
            turns.Add(new('A', a[i % a.Length], 50, 160));
            turns.Add(new('B', b[i % b.Length], bPitch(i), bSpeed(i)));
        }

        return turns;
    }

    public static JsonElement Measure(string outFolder, string name)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
        return summary.RootElement.GetProperty("measures").GetProperty(name).Clone();
    }

    public void Dispose() => _folder.Dispose();

    private string Video(string name, Func<double, double> leanA, Func<Func<double, double>, Func<double, double>> leanB, IReadOnlyList<(bool, double, double)>? hidden = null)
    {
        using var sheet = Cv2.ImRead(NpmTestPackages.File(NpmTestPackages.Human, "assets/samples.jpg"));
        var (woman, man) = ConstructedDyadVideo.PeopleOf(sheet);
        using var _ = woman;
        using var __ = man;
        var path = _folder.Combine(name);
        new ConstructedDyadVideo(Seconds: Seconds) { Hidden = hidden ?? [] }.Write(path, woman, man, leanA, leanB(leanA));
        return path;
    }
}
