using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using MirrorSense.Core;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using MirrorSense.Vision.Faces;
using MirrorSense.Vision.Motion;
using MirrorSense.Vision.Streaming;
using OpenCvSharp;

namespace MirrorSense.Vision.Tests.Streaming;

/// <summary>The pose stage as an operator (ARCHITECTURE.md, "Flow control"): offline drops nothing, live keeps only the newest frame and counts the rest.</summary>
public sealed class PoseObservableTests
{
    private static MediaTime Frame(int k) => MediaTime.FromSeconds(k / 30.0);

    /// <summary>A constructed dyad (TESTING.md): the seated woman left, the seated man right, each leaning.</summary>
    private static string Dyad(TempFolder folder, double seconds)
    {
        var video = folder.Combine("dyad.avi");
        using var woman = SamplePhotos.Crop(SamplePhotos.SeatedWoman, 1);
        using var man = SamplePhotos.Crop(new Rect(355, 0, 150, 158), 1);
        new ConstructedDyadVideo(Seconds: seconds).Write(video, woman, man, t => 12 * Math.Sin(t * 1.5), t => 10 * Math.Sin(t * 1.1 + 1));
        return video;
    }

    /// <summary>Everything a subscription receives, and a signal when it has ended.</summary>
    private sealed class Recorder : IObserver<PoseUpdate>, IDisposable
    {
        private readonly ManualResetEventSlim ended = new(false);
        public List<PoseUpdate> Updates { get; } = [];
        public List<int> Threads { get; } = [];
        public Exception? Error { get; private set; }
        public bool Completed { get; private set; }

        public void OnNext(PoseUpdate value)
        {
            lock (Updates)
            {
                Updates.Add(value);
                Threads.Add(Environment.CurrentManagedThreadId);
            }
        }

        public void OnError(Exception error)
        {
            Error = error;
            ended.Set();
        }

        public void OnCompleted()
        {
            Completed = true;
            ended.Set();
        }

        public void WaitForEnd() => Assert.True(ended.Wait(TimeSpan.FromMinutes(2)), "the stream never ended");

        public void Dispose() => ended.Dispose();
    }

    public sealed class Offline
    {
        [SkippableFact]
        public void Should_estimate_every_frame_of_a_video_in_order_and_drop_none()
        {
            // Given a 2 s dyad video read into one reused buffer
            using var folder = new TempFolder();
            var video = Dyad(folder, 2);
            var times = VideoFrames.Observe(video).Select(f => f.Time).ToList().Wait();

            // When the real estimator runs on it offline
            var updates = VideoFrames.Observe(video).EstimatePoses(new PoseOptions(), PoseFlow.Offline).ToList().Wait();

            // Then every frame comes out at its own time, both people in each, and nothing was dropped
            Assert.Equal(60, times.Count);
            Assert.Equal(times, updates.Select(u => u.Time));
            Assert.All(updates, u => Assert.Equal([Participant.A, Participant.B], u.Poses.People.Select(p => p.Participant)));
            Assert.All(updates, u => Assert.Equal(0, u.Statistics.FramesDropped));
            Assert.Equal(60, updates[^1].Statistics.Frames);
        }

        [Fact]
        public void Should_hold_the_source_back_until_each_frame_is_estimated_on_its_thread()
        {
            // Given a subject feeding the offline stage with a busy scheduler it must not use
            var estimator = new CountingEstimator();
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Offline, new HistoricalScheduler()).Subscribe(recorder);

            // When three frames are pushed, the same buffer each time with new contents
            using var buffer = CountingEstimator.Frame(0);
            for (var k = 0; k < 3; k++)
            {
                buffer.SetTo(new Scalar(10 + k, 0, 0));
                frames.OnNext(Stamped.At(Frame(k), buffer));

                // Then each is estimated and passed on before OnNext returns, on the pushing thread
                Assert.Equal(k + 1, recorder.Updates.Count);
            }

            Assert.Equal([10, 11, 12], estimator.Seen.Select(s => (int)s.Marker));
            Assert.All(recorder.Threads, t => Assert.Equal(Environment.CurrentManagedThreadId, t));
            frames.OnCompleted();
            Assert.True(recorder.Completed);
            Assert.True(estimator.Disposed);
        }

        [Fact]
        public void Should_pass_on_the_frames_before_a_source_error_then_the_error()
        {
            var estimator = new CountingEstimator();
            var failure = new InvalidOperationException("'cut.avi' ends after 2 of the 90 frames its header announces: the file is truncated or damaged.");
            using var frame = CountingEstimator.Frame(1);
            var frames = Observable.Range(0, 2).Select(k => Stamped.At(Frame(k), frame)).Concat(Observable.Throw<Stamped<Mat>>(failure));
            using var recorder = new Recorder();

            using var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Offline).Subscribe(recorder);

            Assert.Equal([Frame(0), Frame(1)], recorder.Updates.Select(u => u.Time));
            Assert.Same(failure, recorder.Error);
        }

        [Fact]
        public void With_pixel_motion_asked_for_every_pose_frame_carries_the_changed_pixels_of_its_own_picture()
        {
            // Given four 8×8 pictures whose grey level jumps, stays, jumps back and stays, in one reused buffer
            byte[] levels = [0, 100, 100, 0];
            using var buffer = CountingEstimator.Frame(0);
            var frames = Observable.Range(0, levels.Length).Select(k =>
            {
                buffer.SetTo(new Scalar(levels[k], levels[k], levels[k]));
                return Stamped.At(Frame(k), buffer);
            });

            // When the offline stage estimates them with pixel motion, and once without
            var updates = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Offline, ImmediateScheduler.Instance, PictureMeasures.PixelMotionOnly).ToList().Wait();
            var plain = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Offline).ToList().Wait();

            // Then nobody was found, so each half of the picture (32 pixels) counts for its person: nothing to differ
            // from at first, all of it when the level jumps, none while it stays; without asking, frames carry none
            var motion = updates.Select(u => u.Poses.Motion!).ToList();
            Assert.Equal(updates.Select(u => u.Time), motion.Select(m => m.Time));
            Assert.True(double.IsNaN(motion[0].A.ChangedPixels));
            Assert.Equal([32.0, 0, 32], motion.Skip(1).Select(m => m.A.ChangedPixels));
            Assert.Equal([32.0, 0, 32], motion.Skip(1).Select(m => m.B.ChangedPixels));
            Assert.All(plain, u => Assert.Null(u.Poses.Motion));
        }

        [Fact]
        public void A_viewer_is_lent_each_picture_with_the_poses_and_pixel_motion_found_on_it()
        {
            var seen = new List<(byte Marker, MediaTime Time, bool HasMotion)>();
            var measures = PictureMeasures.PixelMotionOnly with { Viewer = (picture, poses) => seen.Add((picture.At<Vec3b>(0, 0).Item0, poses.Time, poses.Motion is not null)) };
            using var buffer = CountingEstimator.Frame(0);
            var frames = Observable.Range(0, 3).Select(k =>
            {
                buffer.SetTo(new Scalar(20 + k, 0, 0));
                return Stamped.At(Frame(k), buffer);
            });

            var updates = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Offline, ImmediateScheduler.Instance, measures).ToList().Wait();

            Assert.Equal([(20, Frame(0), true), (21, Frame(1), true), (22, Frame(2), true)], seen.Select(s => ((int)s.Marker, s.Time, s.HasMotion)));
            Assert.Equal(3, updates.Count);
        }

        [Fact]
        public void Faces_of_skipped_frames_are_placed_between_the_measured_faces_and_each_frame_keeps_its_own_people()
        {
            static FaceMesh Mesh(double seconds, float x) =>
                new(MediaTime.FromSeconds(seconds), 0.9f, [.. Enumerable.Range(0, FaceMesh.PointCount).Select(i => new FacePoint(x + i, x, 0))]);
            static PoseFrame With(int k, float x, bool measured) => new PoseFrame(Frame(k), []) { Measured = measured } with
            {
                Faces = new FaceFrame(Frame(k), [new PersonFace(Participant.A, Mesh(k / 30.0, x), x, x)]) { Measured = measured },
            };
            PoseFrame[] poses = [With(0, 0, true), With(1, 0, false), With(2, 30, true)];

            var placed = poses.ToObservable().InterpolateSkippedFaces().ToList().Wait();

            Assert.Equal(poses.Select(p => p.Time), placed.Select(p => p.Time));
            Assert.Equal(poses.Select(p => p.Measured), placed.Select(p => p.Measured));
            Assert.Equal(15f, placed[1].Faces!.Of(Participant.A)!.Mesh![0].X, 3);
            Assert.False(placed[1].Faces!.Measured);
        }
    }

    public sealed class Live
    {
        [Fact]
        public void Should_estimate_only_the_newest_waiting_frame_and_count_the_ones_it_replaced()
        {
            // Given the live stage on virtual time: nothing is estimated until the scheduler runs
            var scheduler = new HistoricalScheduler();
            var estimator = new CountingEstimator();
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Live, scheduler).Subscribe(recorder);

            // When five frames arrive before the scheduler gets to run, then two more
            using var buffer = CountingEstimator.Frame(0);
            void Push(int k)
            {
                buffer.SetTo(new Scalar(k, 0, 0));   // the source reuses its buffer: the stage must have copied what it keeps
                frames.OnNext(Stamped.At(Frame(k), buffer));
            }

            for (var k = 0; k < 5; k++)
                Push(k);
            Assert.Empty(recorder.Updates);
            scheduler.Start();
            Push(5);
            Push(6);
            scheduler.Start();

            // Then only frames 4 and 6 were estimated, with the right contents, and the drops add up (4, then 4 + 1)
            Assert.Equal([4, 6], estimator.Seen.Select(s => (int)s.Marker));
            Assert.Equal([Frame(4), Frame(6)], recorder.Updates.Select(u => u.Time));
            Assert.Equal([4L, 5L], recorder.Updates.Select(u => u.Statistics.FramesDropped));
            Assert.Equal(2, recorder.Updates[^1].Statistics.Frames);
        }

        [Fact]
        public void Should_put_the_faces_off_while_a_newer_frame_waits_and_look_for_them_when_none_does()
        {
            // Given the live stage with the face stage on virtual time, and a camera whose next frame arrives while
            // the body of the first is being estimated
            var scheduler = new HistoricalScheduler();
            var frames = new Subject<Stamped<Mat>>();
            using var buffer = CountingEstimator.Frame(0);
            var estimator = new CountingEstimator();
            var arriving = new ArrivingDuringEstimate(estimator, _ => frames.OnNext(Stamped.At(Frame(1), buffer)));
            using var recorder = new Recorder();
            var measures = new PictureMeasures { Faces = () => new FaceStage() };
            using var subscription = frames.EstimatePoses(() => arriving, PoseFlow.Live, scheduler, measures).Subscribe(recorder);

            // When the first frame arrives and the stage runs
            frames.OnNext(Stamped.At(Frame(0), buffer));
            scheduler.Start();

            // Then both bodies were estimated, the first frame's faces were put off for the waiting frame and the
            // second's were looked for, and the put-off frame is counted
            Assert.Equal([Frame(0), Frame(1)], recorder.Updates.Select(u => u.Time));
            Assert.Equal([false, true], recorder.Updates.Select(u => u.Poses.Faces!.Measured));
            Assert.Equal(0, recorder.Updates[^1].Statistics.FramesDropped);
            Assert.Equal(1, recorder.Updates[^1].Faces!.PutOff);
            Assert.Equal(2, recorder.Updates[^1].Faces!.Frames);
        }

        [Fact]
        public void Should_read_the_faces_every_quarter_second_even_when_a_newer_frame_always_waits()
        {
            // Given the live stage with the face stage on virtual time, on a machine so loaded that the camera's next
            // frame has always arrived by the time a body is estimated
            var scheduler = new HistoricalScheduler();
            var frames = new Subject<Stamped<Mat>>();
            using var buffer = CountingEstimator.Frame(0);
            var arriving = new ArrivingDuringEstimate(new CountingEstimator(), k => frames.OnNext(Stamped.At(Frame(k + 1), buffer)), times: 16);
            using var recorder = new Recorder();
            var measures = new PictureMeasures { Faces = () => new FaceStage() };
            using var subscription = frames.EstimatePoses(() => arriving, PoseFlow.Live, scheduler, measures).Subscribe(recorder);

            // When the first of seventeen frames arrives and the stage runs
            frames.OnNext(Stamped.At(Frame(0), buffer));
            scheduler.Start();

            // Then every body was estimated, the faces were put off only until a quarter second had gone unread (read
            // on frames 8 and 16), and the put-off frames counted are those the model was due on (0–7 and 10–15)
            Assert.Equal(17, recorder.Updates.Count);
            var measured = recorder.Updates.Select((u, k) => (u, k)).Where(x => x.u.Poses.Faces!.Measured).Select(x => x.k);
            Assert.Equal([8, 16], measured);
            Assert.Equal(14, recorder.Updates[^1].Faces!.PutOff);
        }

        [Fact]
        public void Should_read_faces_fifteen_times_a_second_from_a_thirty_hertz_camera_carrying_them_between()
        {
            // Given the live stage with the face stage on virtual time, keeping up with a 30 Hz camera
            var scheduler = new HistoricalScheduler();
            var frames = new Subject<Stamped<Mat>>();
            using var buffer = CountingEstimator.Frame(0);
            using var recorder = new Recorder();
            var measures = new PictureMeasures { Faces = () => new FaceStage() };
            using var subscription = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Live, scheduler, measures).Subscribe(recorder);

            // When six frames arrive one at a time, each estimated before the next
            for (var k = 0; k < 6; k++)
            {
                frames.OnNext(Stamped.At(Frame(k), buffer));
                scheduler.Start();
            }

            // Then every body was estimated, the faces were read on every second frame and carried on the others, and nothing was put off
            Assert.Equal(6, recorder.Updates.Count);
            Assert.Equal([true, false, true, false, true, false], recorder.Updates.Select(u => u.Poses.Faces!.Measured));
            Assert.Equal(0, recorder.Updates[^1].Faces!.PutOff);
        }

        [Fact]
        public void Should_measure_pixel_motion_on_every_arriving_frame_so_the_estimated_one_differs_from_the_dropped_one_before_it()
        {
            // Given the live stage with pixel motion on virtual time
            var scheduler = new HistoricalScheduler();
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Live, scheduler, PictureMeasures.PixelMotionOnly).Subscribe(recorder);

            // When a dark picture is estimated, then a bright one arrives and is replaced by an identical bright one
            using var buffer = CountingEstimator.Frame(0);
            void Push(int k, byte level)
            {
                buffer.SetTo(new Scalar(level, level, level));
                frames.OnNext(Stamped.At(Frame(k), buffer));
            }

            Push(0, 0);
            scheduler.Start();
            Push(1, 200);
            Push(2, 200);
            scheduler.Start();

            // Then frame 2 was estimated with frame 1 dropped, and its pixel motion is against frame 1 (nothing changed),
            // not against frame 0, the last one estimated (everything changed)
            Assert.Equal([Frame(0), Frame(2)], recorder.Updates.Select(u => u.Time));
            Assert.Equal(1, recorder.Updates[^1].Statistics.FramesDropped);
            var motion = recorder.Updates[^1].Poses.Motion!;
            Assert.Equal(Frame(2), motion.Time);
            Assert.Equal(0, motion.A.ChangedPixels);
            Assert.Equal(0, motion.B.ChangedPixels);
        }

        [Fact]
        public void Should_end_with_the_pixel_measures_complaint_when_a_picture_changes_size_and_estimate_nothing_after_it()
        {
            var scheduler = new HistoricalScheduler();
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => new CountingEstimator(), PoseFlow.Live, scheduler, PictureMeasures.PixelMotionOnly).Subscribe(recorder);
            using var small = CountingEstimator.Frame(0);
            using var large = new Mat(16, 16, MatType.CV_8UC3, Scalar.All(0));

            frames.OnNext(Stamped.At(Frame(0), small));
            frames.OnNext(Stamped.At(Frame(1), large));
            frames.OnNext(Stamped.At(Frame(2), small));
            scheduler.Start();

            Assert.Equal([Frame(0)], recorder.Updates.Select(u => u.Time));
            Assert.Contains("16×16", recorder.Error?.Message);
        }

        [SkippableFact]
        public void Should_keep_one_frame_waiting_however_many_arrive_while_the_real_estimator_is_busy()
        {
            // Given the real estimator held at its first frame, on its own thread
            using var folder = new TempFolder();
            var frames = VideoFrames.Observe(Dyad(folder, 1)).Select(f => Stamped.At(f.Time, f.Value.Clone())).ToList().Wait();
            using var estimator = new GatedEstimator(new PoseEstimator());
            var source = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = source.EstimatePoses(() => estimator, PoseFlow.Live, NewThreadScheduler.Default).Subscribe(recorder);

            // When frame 0 is being estimated and 500 more arrive (the video's 30 frames over and over, each later in media time)
            source.OnNext(frames[0]);
            estimator.WaitUntilBusy();
            for (var k = 1; k <= 500; k++)
                source.OnNext(Stamped.At(Frame(k), frames[k % frames.Count].Value));
            estimator.Open();
            source.OnCompleted();
            recorder.WaitForEnd();

            // Then the source was never held back (all pushed while the estimator was stopped), and only the newest frame waited:
            // two outputs, frame 0 and frame 500, with 499 drops counted; both people found in each
            Assert.True(recorder.Completed, recorder.Error?.ToString());
            Assert.Equal([frames[0].Time, Frame(500)], recorder.Updates.Select(u => u.Time));
            Assert.Equal([0L, 499L], recorder.Updates.Select(u => u.Statistics.FramesDropped));
            Assert.All(recorder.Updates, u => Assert.Equal(2, u.Poses.People.Count));
            foreach (var frame in frames)
                frame.Value.Dispose();
        }

        [SkippableFact]
        public void Should_drop_what_the_real_estimator_cannot_keep_up_with_and_deliver_the_rest_in_media_time_order()
        {
            // Given a 3 s dyad video decoded as fast as OpenCV can (far faster than pose estimation)
            using var folder = new TempFolder();
            var video = Dyad(folder, 3);
            using var recorder = new Recorder();

            // When the live stage estimates on its own thread
            using var subscription = VideoFrames.Observe(video).EstimatePoses(new PoseOptions(), PoseFlow.Live, NewThreadScheduler.Default).Subscribe(recorder);
            recorder.WaitForEnd();

            // Then frames were dropped, every frame is either estimated or counted, the outputs rise in media time,
            // and the last frame (the newest when the video ended) was estimated
            Assert.True(recorder.Completed, recorder.Error?.ToString());
            var updates = recorder.Updates;
            var last = updates[^1];
            Assert.True(last.Statistics.FramesDropped > 0, "nothing was dropped");
            Assert.Equal(90, updates.Count + last.Statistics.FramesDropped);
            Assert.Equal(updates.Count, last.Statistics.Frames);
            Assert.All(updates.Zip(updates.Skip(1)), p => Assert.True(p.Second.Time > p.First.Time, $"{p.Second.Time} after {p.First.Time}"));
            Assert.All(updates.Zip(updates.Skip(1)), p => Assert.True(p.Second.Statistics.FramesDropped >= p.First.Statistics.FramesDropped));
            Assert.Equal(Frame(89).Microseconds, last.Time.Microseconds, 1000.0);
            Assert.All(updates.Skip(1), u => Assert.Equal(2, u.Poses.People.Count));
        }

        [Fact]
        public void Should_estimate_the_waiting_frame_before_passing_on_a_source_error()
        {
            var scheduler = new HistoricalScheduler();
            var estimator = new CountingEstimator();
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Live, scheduler).Subscribe(recorder);
            using var frame = CountingEstimator.Frame(7);

            frames.OnNext(Stamped.At(Frame(0), frame));
            frames.OnError(new IOException("camera unplugged"));
            Assert.Null(recorder.Error);
            scheduler.Start();

            Assert.Equal([Frame(0)], recorder.Updates.Select(u => u.Time));
            Assert.Equal("camera unplugged", recorder.Error?.Message);
            Assert.True(estimator.Disposed);
        }

        [Fact]
        public void Should_end_with_the_estimators_failure_and_estimate_nothing_after_it()
        {
            var scheduler = new HistoricalScheduler();
            var estimator = new CountingEstimator(failOnFrame: 1);
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            using var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Live, scheduler).Subscribe(recorder);
            using var frame = CountingEstimator.Frame(7);

            for (var k = 0; k < 3; k++)
            {
                frames.OnNext(Stamped.At(Frame(k), frame));
                scheduler.Start();
            }

            Assert.Equal([Frame(0)], recorder.Updates.Select(u => u.Time));
            Assert.Equal("estimator failed at 0.033333 s", recorder.Error?.Message);
            Assert.Single(estimator.Seen);
            Assert.True(estimator.Disposed);
        }

        [Fact]
        public void Should_release_the_estimator_only_after_the_frame_in_progress_when_disposed_meanwhile()
        {
            // Given a frame held inside the estimator on another thread
            var counting = new CountingEstimator();
            var estimator = new GatedEstimator(counting);
            var frames = new Subject<Stamped<Mat>>();
            using var recorder = new Recorder();
            var subscription = frames.EstimatePoses(() => estimator, PoseFlow.Live, NewThreadScheduler.Default).Subscribe(recorder);
            using var frame = CountingEstimator.Frame(3);
            frames.OnNext(Stamped.At(Frame(0), frame));
            estimator.WaitUntilBusy();

            // When the subscriber disposes, then the frame finishes
            subscription.Dispose();
            Assert.False(counting.Disposed);
            estimator.Open();

            // Then the estimator is released once the frame is done, and later frames are ignored
            Assert.True(SpinWait.SpinUntil(() => counting.Disposed, TimeSpan.FromSeconds(30)));
            frames.OnNext(Stamped.At(Frame(1), frame));
            Assert.Single(counting.Seen);
        }
    }

    public sealed class Arguments
    {
        [Fact]
        public void Should_check_its_arguments_when_wired()
        {
            var frames = Observable.Empty<Stamped<Mat>>();
            Func<IPoseEstimator> open = () => new CountingEstimator();
            Assert.Throws<ArgumentNullException>(() => PoseObservable.EstimatePoses(null!, open, PoseFlow.Live));
            Assert.Throws<ArgumentNullException>(() => frames.EstimatePoses((Func<IPoseEstimator>)null!, PoseFlow.Live));
            Assert.Throws<ArgumentNullException>(() => frames.EstimatePoses(open, PoseFlow.Live, null!));
            Assert.Throws<ArgumentNullException>(() => frames.EstimatePoses((PoseOptions)null!, PoseFlow.Offline));
            Assert.Throws<ArgumentOutOfRangeException>(() => frames.EstimatePoses(open, (PoseFlow)7));
            Assert.Throws<ArgumentException>(() => frames.EstimatePoses(new PoseOptions(MaxPeople: 3), PoseFlow.Offline));
        }

        [Fact]
        public void Should_end_a_subscription_with_an_error_naming_the_models_when_they_cannot_be_found()
        {
            using var folder = new TempFolder();
            using var frame = CountingEstimator.Frame(0);
            var frames = Observable.Return(Stamped.At(MediaTime.Zero, frame));

            var error = Assert.Throws<FileNotFoundException>(() => frames.EstimatePoses(new PoseOptions(ModelFolder: folder.Path), PoseFlow.Offline).ToList().Wait());

            Assert.Contains($"are not in {folder.Path}", error.Message);
        }
    }
}
