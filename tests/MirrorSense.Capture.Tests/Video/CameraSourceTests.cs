using System.Diagnostics;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Testing;
using OpenCvSharp;

namespace MirrorSense.Capture.Tests.Video;

/// <summary>
/// The live path without a camera (TESTING.md): ffmpeg plays a test pattern in real time (-re) as MJPEG
/// in Matroska into a named pipe, and the camera source opens the pipe like a device.
/// </summary>
public sealed class CameraSourceTests
{
    [SkippableFact]
    public void Should_deliver_a_named_pipe_camera_at_real_time_pace_with_media_timestamps()
    {
        // Given ffmpeg streaming 4 s of 30 fps 320×240 test pattern into a named pipe, in real time
        using var folder = new TempFolder();
        var fifo = folder.Combine("cam.fifo");
        Skip.IfNot(Run("mkfifo", fifo), "mkfifo is not available");
        var sinceStart = Stopwatch.StartNew();
        using var ffmpeg = Start("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=30",
            "-t", "4", "-c:v", "mjpeg", "-f", "matroska", "-y", fifo);
        Skip.If(ffmpeg is null, "ffmpeg is not installed");
        try
        {
            // When the camera source reads 3 s of frames (90)
            using var camera = new CameraSource(new CameraSettings(fifo));
            using var frame = new Mat();
            var times = new List<MediaTime>();
            var clock = new List<double>();
            while (times.Count < 90 && camera.Read(frame, out var time))
            {
                times.Add(time);
                clock.Add(sinceStart.Elapsed.TotalSeconds);
            }

            // Then they are 320×240, frame k is stamped k/30 s (within a frame), consecutive stamps are 1/30 s apart
            Assert.Equal(90, times.Count);
            Assert.Equal((320, 240), (frame.Width, frame.Height));
            Assert.Equal(0, times[0].Microseconds);
            for (var k = 0; k < times.Count; k++)
                Assert.InRange(times[k].Seconds, (k - 1) / 30.0, (k + 1) / 30.0);
            for (var k = 1; k < times.Count; k++)
                Assert.InRange((times[k] - times[k - 1]).TotalMilliseconds, 33.3 - 2, 33.3 + 2);

            // And they arrive at camera pace, not as fast as decoding allows (which would take a few percent of it):
            // 3 s of frames take at least 2.7 s from the moment the camera started, and after the frames OpenCV reads
            // ahead while opening the stream, wall time keeps up with media time (loose above, for loaded machines)
            Assert.True(clock[^1] >= 2.7, $"90 frames arrived within {clock[^1]:0.00} s of the camera starting");
            var wall = clock[^1] - clock[10];
            var media = (times[^1] - times[10]).TotalSeconds;
            Assert.InRange(wall, media * 0.9, media * 1.5);
        }
        finally
        {
            if (!ffmpeg!.HasExited)
                ffmpeg.Kill();
        }
    }

    [Fact]
    public void Should_list_the_cameras_that_exist_when_the_one_asked_for_is_absent()
    {
        var error = Assert.Throws<VideoSourceException>(() =>
            new CameraSource(new CameraSettings("/dev/video57"), () => ["/dev/video0", "/dev/video2"]));
        Assert.Contains("No camera at '/dev/video57'", error.Message);
        Assert.Contains("/dev/video0, /dev/video2", error.Message);
    }

    [Fact]
    public void Should_list_this_machines_own_cameras_when_the_one_asked_for_is_absent()
    {
        // Given no listing passed in, the source asks the machine (sysfs on Linux): on a camera-less machine "none"
        var expected = CameraDevices.Describe(CameraDevices.Describe());
        var error = Assert.Throws<VideoSourceException>(() => new CameraSource(new CameraSettings("/dev/video57")));
        Assert.Contains($"No camera at '/dev/video57'. Cameras on this machine: {expected}.", error.Message);
    }

    [Fact]
    public void Should_say_there_are_no_cameras_at_all_on_a_machine_without_any()
    {
        var error = Assert.Throws<VideoSourceException>(() => new CameraSource(new CameraSettings("3"), () => []));
        Assert.Contains("Cameras on this machine: none", error.Message);
    }

    [Fact]
    public void Should_find_video_device_nodes_in_numeric_order()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "video10", "video2", "video0", "vide", "videoX" })
            File.WriteAllText(folder.Combine(name), "");
        var found = CameraDevices.List(folder.Path);
        Assert.Equal(["video0", "video2", "video10"], found.Select(Path.GetFileName));
    }

    private static bool Run(string program, params string[] arguments)
    {
        using var process = Start(program, arguments);
        if (process is null)
            return false;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static Process? Start(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = false };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            return Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
