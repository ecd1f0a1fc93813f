using MirrorSense.Core;
using MirrorSense.Vision.Motion;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Motion;

public sealed class PixelMotionEnergyTests
{
    private const int Width = 320, Height = 240;

    /// <summary>A grey BGR frame with a white 20 × 20 square whose top-left corner is at (x, y), and optional noise of ± <paramref name="noise"/> grey levels.</summary>
    private static Mat Frame(int x, int y, int noise = 0, int seed = 0)
    {
        var frame = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(100, 100, 100));
        if (noise > 0)
        {
            var random = new Random(seed);
            for (var r = 0; r < Height; r++)
            {
                for (var c = 0; c < Width; c++)
                {
                    var level = (byte)(100 + random.Next(-noise, noise + 1));
                    frame.Set(r, c, new Vec3b(level, level, level));
                }
            }
        }

        frame.Rectangle(new Rect(x, y, 20, 20), Scalar.White, -1);
        return frame;
    }

    /// <summary>A person whose landmarks all lie in the box (left, top)–(right, bottom), spread over its corners.</summary>
    private static PersonPose Person(Participant participant, float left, float top, float right, float bottom) =>
        new(participant, [.. Enumerable.Range(0, Skeleton.LandmarkCount).Select(i => new PoseLandmark(
            i % 2 == 0 ? left : right, i % 3 == 0 ? top : bottom, 0, 0.9f))]);

    public sealed class Measure
    {
        [Fact]
        public void Should_give_energy_only_to_the_participant_whose_half_holds_the_moving_square()
        {
            // Given no landmarks and a square moving 5 px right in the left half
            using var energy = new PixelMotionEnergy();
            using var first = Frame(60, 100);
            using var second = Frame(65, 100);

            var before = energy.Measure(first, MediaTime.Zero);
            var after = energy.Measure(second, MediaTime.FromSeconds(1 / 30.0));

            // Then the first frame has nothing to differ from, and the second changes 2 × 5 × 20 pixels, all A's
            Assert.True(double.IsNaN(before.A.ChangedPixels) && double.IsNaN(before.B.ChangedPixels));
            Assert.Equal(200, after.A.ChangedPixels);
            Assert.Equal(0, after.B.ChangedPixels);
            Assert.False(after.A.FromLandmarks);
            Assert.Equal(new PixelRegion(0, 0, 160, 240), after.A.Region);
            Assert.Equal(new PixelRegion(160, 0, 160, 240), after.B.Region);
        }

        [Fact]
        public void Should_count_motion_in_the_region_around_each_participants_landmarks()
        {
            // Given A's landmarks on the left, B's on the right, and the square moving inside B's box
            using var energy = new PixelMotionEnergy(new PixelMotionOptions(Margin: 0.1));
            var people = new List<PersonPose> { Person(Participant.A, 20, 20, 120, 220), Person(Participant.B, 200, 40, 300, 200) };
            using var first = Frame(240, 100);
            using var second = Frame(240, 110);

            energy.Measure(first, new PoseFrame(MediaTime.Zero, people));
            var after = energy.Measure(second, new PoseFrame(MediaTime.FromSeconds(0.04), people));

            // Then only B has energy, and the regions are the boxes plus 10 % each side
            Assert.Equal(0, after.A.ChangedPixels);
            Assert.Equal(400, after.B.ChangedPixels);
            Assert.True(after.B.FromLandmarks);
            Assert.Equal(new PixelRegion(190, 24, 121, 193), after.B.Region);
        }

        [Fact]
        public void Should_leave_out_motion_outside_a_participants_landmark_box()
        {
            // Given A's landmarks on the far left and the square moving in the middle of the left half, outside A's box
            using var energy = new PixelMotionEnergy(new PixelMotionOptions(Margin: 0));
            var people = new List<PersonPose> { Person(Participant.A, 5, 5, 40, 60) };
            using var first = Frame(100, 150);
            using var second = Frame(104, 150);

            energy.Measure(first, new PoseFrame(MediaTime.Zero, people));
            var after = energy.Measure(second, new PoseFrame(MediaTime.FromSeconds(0.04), people));

            Assert.Equal(0, after.A.ChangedPixels);
        }

        [Fact]
        public void Should_ignore_noise_below_the_threshold()
        {
            using var energy = new PixelMotionEnergy(new PixelMotionOptions(NoiseThreshold: 12));
            using var first = Frame(60, 100, noise: 5, seed: 1);
            using var second = Frame(60, 100, noise: 5, seed: 2);

            energy.Measure(first, MediaTime.Zero);
            var after = energy.Measure(second, MediaTime.FromSeconds(0.04));

            Assert.Equal(0, after.A.ChangedPixels);
            Assert.Equal(0, after.B.ChangedPixels);
        }

        [Fact]
        public void Should_refuse_a_frame_of_another_size_or_out_of_time_order()
        {
            using var energy = new PixelMotionEnergy();
            using var first = Frame(60, 100);
            using var small = new Mat(100, 100, MatType.CV_8UC3, Scalar.Black);
            using var second = Frame(60, 100);
            energy.Measure(first, MediaTime.FromSeconds(1));

            Assert.Throws<ArgumentException>(() => energy.Measure(small, MediaTime.FromSeconds(2)));
            Assert.Throws<InvalidOperationException>(() => energy.Measure(second, MediaTime.FromSeconds(0.5)));
            Assert.Throws<ArgumentOutOfRangeException>(() => new PixelMotionEnergy(new PixelMotionOptions(NoiseThreshold: 300)));
        }
    }
}
