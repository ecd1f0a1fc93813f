using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using MirrorSense.Core;
using MirrorSense.Sessions.Pose;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.Cli.Tests;

/// <summary>
/// <c>analyze --openface-a --openface-b</c> against the face measures fed directly: two people's designed smile, looking
/// and nods (as the face calibration corpus designs them) are written as OpenFace would report them (AU12 and AU6 for
/// the smile, gaze angles for looking, head pitch for the nods; A's camera at 30 frames per second, B's at 25; the face
/// lost now and then as untracked rows), analysed from those files, and compared with the same signals given to
/// <see cref="CoordinationAnalysis"/> as face features.
/// </summary>
public sealed class OpenFaceAnalyzeTests(ITestOutputHelper output)
{
    private const double Rate = 30;
    private const double Seconds = 180;

    [Fact]
    public void B_answering_As_smiles_a_second_later_in_OpenFace_files_reads_as_the_same_smile_mimicry_gaze_and_nods_as_the_signals_themselves()
    {
        // Given B answering six of ten of A's smiles 1 s later and nodding back after A's nods, written as OpenFace CSVs
        var session = DesignedSession.Draw(new Random(11), answered: true);
        using var folder = new TempFolder();

        // When analyze reads the files, and the measures get the designed signals directly
        var run = Analyze(session, folder);
        var direct = Direct(session);

        // Then smile mimicry finds A leading by 1.0 ± 0.2 s, and every face measure agrees with the direct path
        var smile = Measure(folder, MeasureNames.SmileMimicry);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(smile.GetProperty("significant").GetBoolean(), $"p = {smile.GetProperty("p_value")}");
        Assert.Equal("A", smile.GetProperty("leader").GetString());
        Assert.InRange(smile.GetProperty("best_lag_s").GetDouble(), 0.8, 1.2);
        AssertAgree(folder, direct, MeasureNames.SmileMimicry, valueTolerance: 0.05, pTolerance: 0.05);
        AssertAgree(folder, direct, MeasureNames.MutualGaze, valueTolerance: 0.05, pTolerance: 0.1);
        AssertAgree(folder, direct, MeasureNames.NodReciprocity, valueTolerance: 0.1, pTolerance: 0.05);
        Assert.True(Measure(folder, MeasureNames.NodReciprocity).GetProperty("significant").GetBoolean(), "B nods back after A's nods");
        Assert.Equal("participant,kind,start_s,end_s,cycles,amplitude,amplitude_unit", File.ReadLines(folder.Combine("out", "head_movements.csv")).First());
        Assert.All(File.ReadLines(folder.Combine("out", "head_movements.csv")).Skip(1), row => Assert.EndsWith(",degrees", row));
    }

    [Fact]
    public void Independent_faces_in_OpenFace_files_show_no_smile_mimicry_at_the_seed_used()
    {
        // Given two people smiling, looking and nodding each on their own
        var session = DesignedSession.Draw(new Random(12), answered: false);
        using var folder = new TempFolder();

        var run = Analyze(session, folder);

        Assert.True(run.ExitCode == 0, run.Error);
        var smile = Measure(folder, MeasureNames.SmileMimicry);
        Assert.False(smile.GetProperty("significant").GetBoolean(), $"p = {smile.GetProperty("p_value")}");
        AssertAgree(folder, Direct(session), MeasureNames.SmileMimicry, valueTolerance: 0.05, pTolerance: 0.1);
    }

    [Fact]
    public void With_landmarks_the_body_comes_from_the_pose_table_and_the_faces_from_OpenFace_in_one_features_table()
    {
        // Given 40 s of two people swaying in a pose table, and their faces from OpenFace
        using var folder = new TempFolder();
        var pose = folder.Combine("pose.csv");
        SwayingPeople.Write(pose, 40);

        var session = DesignedSession.Draw(new Random(13), answered: true);
        var a = folder.Write("a.csv", OpenFaceCsvText.Write(session.Rows(Participant.A, 30).TakeWhile(r => r.Timestamp < 40)));
        var b = folder.Write("b.csv", OpenFaceCsvText.Write(session.Rows(Participant.B, 25).TakeWhile(r => r.Timestamp < 40)));

        // When analyze gets both
        var run = MirrorSenseProcess.Run("analyze", "--pose", pose, "--openface-a", a, "--openface-b", b, "--out", folder.Combine("out"));

        // Then posture and the face measures are measured, and features.csv has the body's and the faces' features on one grid
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(JsonValueKind.Object, Measure(folder, "posture_mirroring").ValueKind);
        Assert.Equal(JsonValueKind.Object, Measure(folder, MeasureNames.MutualGaze).ValueKind);
        var features = File.ReadLines(folder.Combine("out", "features.csv")).Skip(1).Select(l => l.Split(',')).Where(c => c[0] == "10.000000" && c[1] == "A").Select(c => c[2]).ToList();
        Assert.Contains("motion_body", features);
        Assert.Contains("smile", features);
        Assert.Contains("looking_at_partner", features);
    }

    [Fact]
    public void A_malformed_OpenFace_file_stops_analyze_with_its_file_line_and_column()
    {
        using var folder = new TempFolder();
        var good = folder.Write("b.csv", OpenFaceCsvText.Write([new OpenFaceRow(0), new OpenFaceRow(0.04)]));
        var bad = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0), new OpenFaceRow(0.04), new OpenFaceRow(0.02)]));

        var run = MirrorSenseProcess.Run("analyze", "--openface-a", bad, "--openface-b", good, "--out", folder.Combine("out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{bad}:4:3:", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void OpenFace_with_the_face_stage_is_refused_as_a_usage_error()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0)]));

        var run = MirrorSenseProcess.Run("analyze", "--openface-a", file, "--openface-b", file, "--face", "--video", folder.Combine("none.mp4"), "--out", folder.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one or the other", run.Error);
    }

    [Fact]
    public void One_persons_OpenFace_file_alone_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var file = folder.Write("a.csv", OpenFaceCsvText.Write([new OpenFaceRow(0)]));

        var run = MirrorSenseProcess.Run("analyze", "--openface-a", file, "--out", folder.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--openface-b", run.Error);
    }

    private ProcessOutcome Analyze(DesignedSession session, TempFolder folder)
    {
        var a = folder.Write("a.csv", OpenFaceCsvText.Write(session.Rows(Participant.A, 30)));
        var b = folder.Write("b.csv", OpenFaceCsvText.Write(session.Rows(Participant.B, 25)));
        var run = MirrorSenseProcess.Run("analyze", "--openface-a", a, "--openface-b", b, "--seed", "1", "--out", folder.Combine("out"));
        output.WriteLine(run.Output);
        output.WriteLine(run.Error);
        return run;
    }

    private static CoordinationReport Direct(DesignedSession session)
    {
        var smile = new DyadSeries("smile", Rate, [.. session.SmileA], [.. session.SmileB]);
        var looking = new DyadSeries("looking_at_partner", Rate, [.. session.LookA], [.. session.LookB]);
        var nods = session.Nods.Select(n => new HeadMovementEvent(MediaTime.FromSeconds(n.Start), MediaTime.FromSeconds(n.Start + DesignedSession.NodSeconds), n.Who, HeadMovementKind.Nod, 1, 10)).ToList();
        return new CoordinationAnalysis(new CoordinationSettings().WithSeed(1))
            .Analyse(new SessionSignals(MediaTime.Zero, smile.Duration, null, null, null, null, new FaceSignals(smile, looking, nods)));
    }

    private void AssertAgree(TempFolder folder, CoordinationReport direct, string name, double valueTolerance, double pTolerance)
    {
        var fromFiles = Measure(folder, name);
        var expected = direct.Measures.Single(m => m.Name == name);
        var (value, p) = (fromFiles.GetProperty("value").GetDouble(), fromFiles.GetProperty("p_value").GetDouble());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: OpenFace value {value:0.000} p {p:0.000} lag {fromFiles.GetProperty("best_lag_s")}; direct value {expected.Value:0.000} p {expected.PValue:0.000} lag {expected.BestLagSeconds:0.00}"));
        foreach (var detail in expected.Details)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {detail.Key}: direct {detail.Value:0.###}, OpenFace {(fromFiles.TryGetProperty(detail.Key, out var d) ? d.ToString() : "-")}"));
        Assert.InRange(value, expected.Value - valueTolerance, expected.Value + valueTolerance);
        Assert.InRange(p, expected.PValue - pTolerance, expected.PValue + pTolerance);
    }

    private static JsonElement Measure(TempFolder folder, string name) => AnalyzeSessions.Measure(folder.Combine("out"), name);

    /// <summary>
    /// Two people's designed face signals at 30 per second (NaN where the face is lost) and nods: smiles rising and
    /// falling as raised cosines over jitter, looks in bouts, nods as one bow of the head. With <c>answered</c>, B
    /// copies six of ten of A's smiles 1 ± 0.2 s later (as long and as broad) and six of ten of A's nods 0.3–1.5 s later.
    /// </summary>
    private sealed record DesignedSession(double[] SmileA, double[] SmileB, double[] LookA, double[] LookB, IReadOnlyList<(Participant Who, double Start, double Degrees)> Nods)
    {
        public const double NodSeconds = 0.6;

        /// <summary>Closest starts of one person's nods: the detector joins turning points up to half its longest cycle (0.75 s) apart into one movement.</summary>
        private const double NodApart = 2.5;

        public static DesignedSession Draw(Random random, bool answered)
        {
            var length = (int)(Seconds * Rate);
            var smilesA = Events(random, 5).Select(t => (t, Hold: 1 + 2 * random.NextDouble(), Height: 0.6 + 0.4 * random.NextDouble())).ToList();
            var smilesB = Events(random, 3).Select(t => (t, Hold: 1 + 2 * random.NextDouble(), Height: 0.6 + 0.4 * random.NextDouble())).ToList();
            if (answered)
                smilesB.AddRange(smilesA.Where(_ => random.NextDouble() < 0.6).Select(s => (s.t + 1 + 0.2 * Gaussian(random), s.Hold, s.Height)));
            var nodsA = Events(random, 6).Select(t => (Participant.A, t, 8 + 6 * random.NextDouble())).ToList();
            var nodsB = Events(random, 4).Select(t => (Participant.B, t, 8 + 6 * random.NextDouble())).ToList();
            if (answered)
                nodsB.AddRange(nodsA.Where(_ => random.NextDouble() < 0.6).Select(n => (Participant.B, n.t + 0.3 + 1.2 * random.NextDouble(), 8 + 6 * random.NextDouble())));
            var (smileA, smileB) = (Smiles(random, length, smilesA), Smiles(random, length, smilesB));
            var (lookA, lookB) = (Looks(random, length), Looks(random, length));
            foreach (var (smile, look) in new[] { (smileA, lookA), (smileB, lookB) })
            {
                // The face is lost for 0.5–3 s about every 40 s: smile and look together, as untracked rows.
                foreach (var start in Events(random, 1.5))
                {
                    var (from, to) = ((int)(start * Rate), Math.Min(length, (int)((start + 0.5 + 2.5 * random.NextDouble()) * Rate)));
                    Array.Fill(smile, double.NaN, from, to - from);
                    Array.Fill(look, double.NaN, from, to - from);
                }
            }

            // A nod is one bow of the head on its own, as the corpus designs them: one soon after another of the same
            // person's would be a run of nods (one movement of several cycles), and one while the face is lost is seen
            // by no camera; both are left out.
            var nods = nodsA.Concat(nodsB).OrderBy(n => n.Item2).ToList();
            var kept = new List<(Participant, double, double)>();
            foreach (var nod in nods)
            {
                var face = nod.Item1 == Participant.A ? smileA : smileB;
                var seen = Enumerable.Range((int)((nod.Item2 - 0.5) * Rate), (int)((NodSeconds + 1) * Rate)).All(i => i >= 0 && i < length && !double.IsNaN(face[i]));
                if (seen && !kept.Any(k => k.Item1 == nod.Item1 && Math.Abs(k.Item2 - nod.Item2) < NodApart))
                    kept.Add(nod);
            }

            return new DesignedSession(smileA, smileB, lookA, lookB, kept);
        }

        /// <summary>The person's OpenFace rows from their own camera at <paramref name="framesPerSecond"/>.</summary>
        public IEnumerable<OpenFaceRow> Rows(Participant who, double framesPerSecond)
        {
            var (smile, look) = who == Participant.A ? (SmileA, LookA) : (SmileB, LookB);
            var random = new Random(who == Participant.A ? 1 : 2);
            for (var i = 0; i < Seconds * framesPerSecond; i++)
            {
                var t = i / framesPerSecond;
                var (s, l) = (At(smile, t), At(look, t));
                var pitch = Nods.Where(n => n.Who == who && t >= n.Start && t < n.Start + NodSeconds).Sum(n => n.Degrees * Math.Sin(Math.PI * (t - n.Start) / NodSeconds));
                if (double.IsNaN(s) || double.IsNaN(l))
                {
                    yield return new OpenFaceRow(t, Confidence: 0.3, Success: 0);
                    continue;
                }

                // Looking at the partner beside the camera: the eyes within a few degrees of it; away: 35° to one side.
                var intensity = Math.Clamp(3 * s, 0, 5);
                yield return new OpenFaceRow(t,
                    GazeAngleX: l >= 0.5 ? 0.05 : 0.6, GazeAngleY: 0.03,
                    PoseRx: (pitch + 0.3 * Gaussian(random)) * Math.PI / 180,
                    Au06: intensity, Au12: intensity);
            }
        }

        /// <summary>The 30-per-second signal at time <paramref name="t"/>, straight between its samples.</summary>
        private static double At(double[] signal, double t)
        {
            var x = t * Rate;
            var i = Math.Min((int)x, signal.Length - 1);
            var j = Math.Min(i + 1, signal.Length - 1);
            return signal[i] + (x - i) * (signal[j] - signal[i]);
        }

        private static double[] Smiles(Random random, int length, IEnumerable<(double Start, double Hold, double Height)> smiles)
        {
            const double rise = 0.3;
            var values = new double[length];
            var jitter = 0.0;
            for (var i = 0; i < length; i++)
            {
                jitter = 0.85 * jitter + 0.03 * Math.Sqrt(1 - 0.85 * 0.85) * Gaussian(random);
                values[i] = jitter;
            }

            foreach (var (start, hold, height) in smiles)
            {
                var end = start + rise + hold + rise;
                for (var i = Math.Max(0, (int)Math.Ceiling(start * Rate)); i < Math.Min(length, end * Rate); i++)
                {
                    var edge = Math.Min(Math.Clamp((i / Rate - start) / rise, 0, 1), Math.Clamp((end - i / Rate) / rise, 0, 1));
                    values[i] += height * 0.5 * (1 - Math.Cos(Math.PI * edge));
                }
            }

            return values;
        }

        private static double[] Looks(Random random, int length)
        {
            var values = new double[length];
            var looking = random.NextDouble() < 0.6;
            for (var i = 0; i < length; looking = !looking)
            {
                var bout = (int)(Exponential(random, looking ? 3 : 1.5) * Rate) + 1;
                Array.Fill(values, looking ? 1 : 0, i, Math.Min(bout, length - i));
                i += bout;
            }

            return values;
        }

        /// <summary>Starts of a Poisson process at <paramref name="perMinute"/>.</summary>
        private static ImmutableArray<double> Events(Random random, double perMinute)
        {
            var starts = ImmutableArray.CreateBuilder<double>();
            for (var t = Exponential(random, 60 / perMinute); t < Seconds - 5; t += Exponential(random, 60 / perMinute))
                starts.Add(t);
            return starts.ToImmutable();
        }

        private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

        private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
