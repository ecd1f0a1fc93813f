using MirrorSense.Capture.Video;

namespace MirrorSense.Capture.Tests.Video;

public sealed class ScreenTargetTests
{
    public sealed class Parse
    {
        [Fact]
        public void Should_read_a_region_as_left_top_width_and_height()
        {
            // Given a region with spaces after its commas / When it is parsed / Then the four numbers are in order
            Assert.Equal(new ScreenRegion("screen:10, 20, 640, 480", 10, 20, 640, 480), ScreenTarget.Parse("screen:10, 20, 640, 480"));
        }

        [Fact]
        public void Should_read_a_window_by_its_whole_title()
        {
            // Given a title with a colon and commas / When it is parsed / Then the title is kept whole
            Assert.Equal(new ScreenWindow("screen:window=Zoom Meeting: Anna, Ben", "Zoom Meeting: Anna, Ben"), ScreenTarget.Parse("screen:window=Zoom Meeting: Anna, Ben"));
        }

        [Theory]
        [InlineData("screen:0,0,640", "is not a screen region")]
        [InlineData("screen:0,0,640,480,1", "is not a screen region")]
        [InlineData("screen:a,0,640,480", "is not a screen region")]
        [InlineData("screen:-5,0,640,480", "must be 0 or more")]
        [InlineData("screen:100,100,0,480", "at least 16×16")]
        [InlineData("screen:window=", "names no window")]
        public void Should_refuse_a_malformed_device_naming_it_and_what_was_expected(string device, string problem)
        {
            // When a malformed screen device is parsed
            var error = Assert.Throws<ArgumentException>(() => ScreenTarget.Parse(device));

            // Then the message names the device string and says what was wrong
            Assert.Contains($"'{device}'", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("0", false)]
        [InlineData("/dev/video0", false)]
        [InlineData("screen.mp4", false)]
        [InlineData("Screen:0,0,640,480", true)]
        public void Should_tell_screen_devices_from_cameras_and_files(string device, bool screen) =>
            Assert.Equal(screen, ScreenTarget.Names(device));
    }
}
