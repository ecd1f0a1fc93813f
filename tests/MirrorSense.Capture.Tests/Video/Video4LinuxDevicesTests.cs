using MirrorSense.Capture.Video;
using MirrorSense.Testing;

namespace MirrorSense.Capture.Tests.Video;

/// <summary>
/// The V4L2 listing read from a sysfs tree built in the test the way the kernel lays it out: the class
/// folder holds one link per node pointing into the device tree, each with name, index and uevent files.
/// </summary>
public sealed class Video4LinuxDevicesTests
{
    public sealed class List
    {
        [Fact]
        public void Should_list_each_video_node_with_its_name_and_dev_path_in_numeric_order()
        {
            // Given a UVC webcam with a capture node and a metadata node, a loopback camera, and a radio and a sub-device node
            using var sysfs = new FakeSysfs();
            sysfs.Node("video1", name: "Integrated Camera: Integrated C", index: "1");
            sysfs.Node("video0", name: "Integrated Camera: Integrated C", index: "0");
            sysfs.Node("video10", name: "Dummy video device (0x0000)", index: "0");
            sysfs.Node("radio0", name: "Radio", index: "0");
            sysfs.Node("v4l-subdev0", name: "imx219 10-0010", index: "0");

            // When listed
            var cameras = Video4LinuxDevices.List(sysfs.ClassFolder, "/dev");

            // Then the three video nodes come in numeric order, with the metadata node marked as an extra node
            Assert.Equal(
                [
                    new CameraDevice("/dev/video0", "Integrated Camera: Integrated C"),
                    new CameraDevice("/dev/video1", "Integrated Camera: Integrated C", ExtraNode: true),
                    new CameraDevice("/dev/video10", "Dummy video device (0x0000)"),
                ],
                cameras);
        }

        [Fact]
        public void Should_take_the_dev_path_from_uevent_and_cope_with_missing_attributes()
        {
            // Given a node whose uevent names a device in a subfolder, and one with no name, index or uevent file
            using var sysfs = new FakeSysfs();
            sysfs.Node("video3", name: "Capture card", index: "0", devName: "v4l/capture3");
            sysfs.Node("video4", name: null, index: null, devName: null);

            var cameras = Video4LinuxDevices.List(sysfs.ClassFolder, "/dev");

            Assert.Equal([new CameraDevice("/dev/v4l/capture3", "Capture card"), new CameraDevice("/dev/video4", "(unnamed)")], cameras);
        }

        [Fact]
        public void Should_find_no_cameras_when_the_kernel_has_no_video4linux_class()
        {
            using var folder = new TempFolder();
            Assert.Empty(Video4LinuxDevices.List(folder.Combine("absent"), "/dev"));
        }

        [Fact]
        public void Should_list_one_camera_per_video_node_of_this_machines_sysfs()
        {
            // The real tree of this machine: whatever it lists is what the parser returns, and every camera is a /dev path
            var cameras = Video4LinuxDevices.List();
            var nodes = Directory.Exists(Video4LinuxDevices.SysfsFolder)
                ? Directory.EnumerateDirectories(Video4LinuxDevices.SysfsFolder, "video*").Count()
                : 0;
            Assert.Equal(nodes, cameras.Count);
            Assert.All(cameras, c => Assert.StartsWith("/dev/", c.Device));
        }
    }

    /// <summary>A sysfs class folder whose entries are links into a device tree, as under /sys/class/video4linux.</summary>
    private sealed class FakeSysfs : IDisposable
    {
        private readonly TempFolder root = new();

        public FakeSysfs() => Directory.CreateDirectory(ClassFolder);

        public string ClassFolder => root.Combine("class", "video4linux");

        public void Node(string entry, string? name, string? index, string? devName = "")
        {
            var device = Directory.CreateDirectory(root.Combine("devices", "pci0000:00", "usb1", "1-1:1.0", "video4linux", entry)).FullName;
            if (name is not null)
                File.WriteAllText(Path.Combine(device, "name"), name + "\n");
            if (index is not null)
                File.WriteAllText(Path.Combine(device, "index"), index + "\n");
            if (devName is not null)
                File.WriteAllText(Path.Combine(device, "uevent"), $"MAJOR=81\nMINOR=0\nDEVNAME={(devName.Length > 0 ? devName : entry)}\n");
            Directory.CreateSymbolicLink(Path.Combine(ClassFolder, entry), device);
        }

        public void Dispose() => root.Dispose();
    }
}
