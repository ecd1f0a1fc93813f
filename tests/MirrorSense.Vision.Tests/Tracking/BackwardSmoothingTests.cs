using MirrorSense.Core;
using MirrorSense.Vision.Tracking;

namespace MirrorSense.Vision.Tests.Tracking;

/// <summary>
/// The backward half of the offline forward–backward One-Euro filter, on hand-built frames: a person whose landmarks
/// all move along x as the pose stage's forward smoothing left them. The body's points are smoothed (the left shoulder
/// is read here), the face's are not.
/// </summary>
public sealed class BackwardSmoothingTests
{
    private const int Shoulder = Skeleton.LeftShoulder;

    private static MediaTime Frame(int k) => MediaTime.FromSeconds(k / 30.0);

    private static PersonPose Person(Participant who, double x) =>
        new(who, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark((float)(x + i), 100 - i, 0.5f, 0.9f))]);

    /// <summary>Frames 0…n−1 of A moving by <paramref name="position"/>, smoothed forward as the pose stage does.</summary>
    private static List<PoseFrame> ForwardSmoothed(int n, Func<double, double> position, SmoothingOptions options)
    {
        var smoother = new LandmarkSmoother(options);
        return [.. Enumerable.Range(0, n).Select(k =>
        {
            var raw = Person(Participant.A, position(Frame(k).Seconds));
            return new PoseFrame(Frame(k), [raw with { Landmarks = smoother.Smooth(raw.Landmarks, Frame(k)) }]);
        })];
    }

    private static List<PoseFrame> Through(BackwardSmoothing smoothing, IEnumerable<PoseFrame> frames) =>
        [.. frames.SelectMany(smoothing.Add), .. smoothing.Complete()];

    [Fact]
    public void Frames_leave_in_order_each_once_after_the_look_ahead_and_the_rest_at_the_end()
    {
        // Given 90 frames (3 s) at 30 fps
        var smoothing = new BackwardSmoothing(new SmoothingOptions());
        var frames = ForwardSmoothed(90, t => 10 * t, new SmoothingOptions());

        // When they arrive one by one
        var out1 = frames.Select(f => smoothing.Add(f).Count).ToList();
        var rest = smoothing.Complete();

        // Then nothing leaves before the look-ahead (about a second) has passed, then one frame per frame, the rest at the end
        var firstOut = out1.FindIndex(n => n > 0);
        Assert.InRange(Frame(firstOut).Seconds, smoothing.LookAheadSeconds, smoothing.LookAheadSeconds + 1 / 30.0);
        Assert.All(out1.Skip(firstOut), n => Assert.Equal(1, n));
        Assert.Equal(90, out1.Sum() + rest.Count);
    }

    [Fact]
    public void A_steady_movement_loses_the_lag_the_forward_smoothing_gave_it()
    {
        // Given a landmark moving steadily at 60 px/s, smoothed forward as the pose stage does (so it trails)
        static double Truth(double t) => 60 * t;
        var frames = ForwardSmoothed(150, Truth, new SmoothingOptions());

        // When the frames are smoothed backwards too
        var both = Through(new BackwardSmoothing(new SmoothingOptions()), frames);

        // Then in the middle of the run, where both directions have settled, the trail is (nearly) gone
        double Error(PoseFrame f) => Math.Abs(f.People[0][Shoulder].X - Shoulder - Truth(f.Time.Seconds));
        var middle = Enumerable.Range(45, 60).ToList();
        var before = middle.Average(k => Error(frames[k]));
        var after = middle.Average(k => Error(both[k]));
        Assert.True(before > 1, $"forward smoothing alone trails by {before:0.00} px");
        Assert.True(after < before / 5, $"trail {before:0.00} px forward only, {after:0.00} px both ways");
    }

    [Fact]
    public void Noise_is_smoothed_further_than_forward_alone()
    {
        // Given a still landmark with ±2 px of measurement noise, smoothed forward
        var random = new Random(7);
        var noisy = Enumerable.Range(0, 300).Select(_ => 50 + 4 * (random.NextDouble() - 0.5)).ToArray();
        var frames = ForwardSmoothed(300, t => noisy[(int)Math.Round(t * 30)], new SmoothingOptions());

        // When smoothed backwards as well
        var both = Through(new BackwardSmoothing(new SmoothingOptions()), frames);

        // Then the landmark wanders less about its true place
        double Spread(IEnumerable<PoseFrame> f) => Math.Sqrt(f.Skip(30).Take(240).Average(x => Math.Pow(x.People[0][Shoulder].X - Shoulder - 50, 2)));
        Assert.True(Spread(both) < 0.8 * Spread(frames), $"spread {Spread(frames):0.000} px forward only, {Spread(both):0.000} px both ways");
    }

    [Fact]
    public void A_person_is_not_smoothed_with_frames_after_they_left()
    {
        // Given A still at x = 0 for 20 frames, absent for one, then someone at x = 500
        var frames = Enumerable.Range(0, 20).Select(k => new PoseFrame(Frame(k), [Person(Participant.A, 0)]))
            .Append(new PoseFrame(Frame(20), []))
            .Concat(Enumerable.Range(21, 40).Select(k => new PoseFrame(Frame(k), [Person(Participant.A, 500)])))
            .ToList();

        // When smoothed backwards
        var both = Through(new BackwardSmoothing(new SmoothingOptions()), frames);

        // Then the frames before the gap keep their place, untouched by the newcomer
        Assert.Equal(frames.Select(f => f.Time), both.Select(f => f.Time));
        Assert.All(both.Take(20), f => Assert.Equal(Shoulder, f.People[0][Shoulder].X, 1e-4f));
    }

    [Fact]
    public void The_face_points_keep_their_forward_smoothing_so_a_nod_keeps_its_size()
    {
        // Given a person moving steadily, smoothed forward
        var frames = ForwardSmoothed(90, t => 60 * t, new SmoothingOptions());

        // When smoothed backwards as well
        var both = Through(new BackwardSmoothing(new SmoothingOptions()), frames);

        // Then the nose, eyes, ears and mouth are as the pose stage left them, and the shoulder is not
        Assert.All(Enumerable.Range(0, 90), k => Assert.All(Enumerable.Range(0, Skeleton.LeftShoulder), i => Assert.Equal(frames[k].People[0][i], both[k].People[0][i])));
        Assert.NotEqual(frames[45].People[0][Shoulder], both[45].People[0][Shoulder]);
    }

    [Fact]
    public void Skipped_frames_pass_unchanged_and_smoothing_switched_off_passes_every_frame_at_once()
    {
        var moving = ForwardSmoothed(60, t => 30 * t, new SmoothingOptions());
        var carried = moving.Select((f, k) => k % 2 == 1 ? f with { Measured = false } : f).ToList();
        var both = Through(new BackwardSmoothing(new SmoothingOptions()), carried);
        Assert.All(Enumerable.Range(0, 60).Where(k => k % 2 == 1), k => Assert.Same(carried[k], both[k]));

        var off = new BackwardSmoothing(SmoothingOptions.None);
        Assert.All(moving, f => Assert.Same(f, Assert.Single(off.Add(f))));
        Assert.Empty(off.Complete());
    }
}
