using MirrorSense.Testing;

namespace MirrorSense.Cli.Tests;

/// <summary><c>mirrorsense models</c> run as a user runs it, on the models the build put beside the program and on damaged copies of them.</summary>
public sealed class ModelsCommandTests
{
    private static readonly string[] ModelFiles = ["pose_detection.onnx", "pose_landmark_lite.onnx", "pose_landmark_full.onnx", "face_landmark.onnx"];

    private static string BuiltModels => Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>A copy of the models folder the build made, to damage.</summary>
    private static string CopyModels(TempFolder folder)
    {
        var copy = folder.Combine("models");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(BuiltModels))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    public sealed class Intact
    {
        [Fact]
        public void Should_list_every_model_with_its_size_checksum_and_tensors_and_say_where_they_were_found()
        {
            // Given the models the build copied beside the program (When listed without options)
            var outcome = MirrorSenseProcess.RunWith(new Dictionary<string, string?> { ["MIRRORSENSE_MODELS"] = null }, "models");

            // Then all four verify, the folder is named with how it was found, and the tensors are ONNX Runtime's
            Assert.True(outcome.ExitCode == 0, outcome.Error);
            Assert.Contains($"Models folder: {BuiltModels} (beside the program)", outcome.Output);
            foreach (var file in ModelFiles)
                Assert.Contains($"{file}: ", outcome.Output);
            Assert.Contains("sha256  f5fee8214c5d0e459392b4c1b30185ac80e11f6cd7499f1cc66889a9e414ebb2  verified", outcome.Output);
            Assert.Contains("(11,978,845 bytes)", outcome.Output);
            Assert.Contains("input   input_1     float [1,224,224,3]", outcome.Output);
            Assert.Contains("output  Identity    float [1,2254,12]", outcome.Output);
            Assert.Contains("output  Identity    float [1,195]", outcome.Output);
            Assert.Contains("output  conv2d_21  float [1,1,1,1404]", outcome.Output);
            Assert.Contains("All 4 models verified.", outcome.Output);
            Assert.Equal("", outcome.Error);
        }

        [Fact]
        public void Should_check_the_folder_named_by_MIRRORSENSE_MODELS_before_the_one_beside_the_program()
        {
            using var folder = new TempFolder();
            var copy = CopyModels(folder);

            var outcome = MirrorSenseProcess.RunWith(new Dictionary<string, string?> { ["MIRRORSENSE_MODELS"] = copy }, "models");

            Assert.True(outcome.ExitCode == 0, outcome.Error);
            Assert.Contains($"Models folder: {copy} (from $MIRRORSENSE_MODELS)", outcome.Output);
        }

        [Fact]
        public void Should_teach_where_models_are_looked_for_and_how_to_rebuild_them_in_its_help()
        {
            var outcome = MirrorSenseProcess.Run("models", "--help");

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("--models <DIR>", outcome.Output);
            Assert.Contains("$MIRRORSENSE_MODELS", outcome.Output);
            Assert.Contains("models/ beside the program", outcome.Output);
            Assert.Contains("tools/models.sh", outcome.Output);
            Assert.Contains("Exit codes: 0", outcome.Output);
        }
    }

    public sealed class Damaged
    {
        [Fact]
        public void Should_name_a_tampered_model_whose_sha256_differs_and_say_how_to_rebuild()
        {
            // Given a copy of the models with one byte of the lite landmark model changed
            using var folder = new TempFolder();
            var copy = CopyModels(folder);
            var tampered = Path.Combine(copy, "pose_landmark_lite.onnx");
            var bytes = File.ReadAllBytes(tampered);
            bytes[bytes.Length / 2] ^= 0x01;
            File.WriteAllBytes(tampered, bytes);

            // When that folder is checked
            var outcome = MirrorSenseProcess.Run("models", "--models", copy);

            // Then it fails naming the file and both checksums; the other three still verify
            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"Models folder: {copy} (--models)", outcome.Output);
            Assert.Contains($"{tampered} has sha256 ", outcome.Error);
            Assert.Contains("MODELS.md expects 6f19f80b3449dba0081dab0071e1d8b4255167b988982228fcf40e55e768723d", outcome.Error);
            Assert.Contains("tools/models.sh", outcome.Error);
            Assert.DoesNotContain("pose_detection.onnx", outcome.Error);
            Assert.Contains("3 of 4 models verified.", outcome.Output);
            Assert.DoesNotContain("   at ", outcome.Error);
        }

        [Fact]
        public void Should_name_a_missing_model_file()
        {
            using var folder = new TempFolder();
            var copy = CopyModels(folder);
            File.Delete(Path.Combine(copy, "pose_landmark_full.onnx"));

            var outcome = MirrorSenseProcess.Run("models", "--models", copy);

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"pose_landmark_full.onnx is missing from {copy}", outcome.Error);
            Assert.Contains("tools/models.sh", outcome.Error);
        }

        [Fact]
        public void Should_say_onnx_runtime_cannot_load_a_file_that_is_not_a_model()
        {
            using var folder = new TempFolder();
            var copy = CopyModels(folder);
            var broken = Path.Combine(copy, "pose_detection.onnx");
            File.WriteAllText(broken, "not a model\n");

            var outcome = MirrorSenseProcess.Run("models", "--models", copy);

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"ONNX Runtime cannot load {broken}", outcome.Error);
            Assert.DoesNotContain("   at ", outcome.Error);
        }

        [Fact]
        public void Should_say_a_models_folder_given_that_does_not_exist_does_not_exist()
        {
            using var folder = new TempFolder();
            var absent = folder.Combine("no-such-folder");

            var outcome = MirrorSenseProcess.Run("models", "--models", absent);

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"the models folder '{absent}' (--models) does not exist", outcome.Error);
        }

        [Fact]
        public void Should_let_pose_say_which_models_a_folder_given_lacks()
        {
            using var folder = new TempFolder();
            var empty = Directory.CreateDirectory(folder.Combine("empty")).FullName;
            var video = PoseVideos.NoOne(folder.Combine("room.avi"), 2);

            var outcome = MirrorSenseProcess.Run("pose", video, "--out", folder.Combine("pose.csv"), "--models", empty);

            Assert.Equal(1, outcome.ExitCode);
            Assert.Contains($"(pose_detection.onnx, pose_landmark_lite.onnx) are not in {empty}", outcome.Error);
            Assert.Contains("mirrorsense models", outcome.Error);
        }
    }
}
