using MirrorSense.Vision.Models;

namespace MirrorSense.Vision.Tests.Models;

public sealed class ModelManifestTests
{
    public sealed class Parse
    {
        [Fact]
        public void Should_read_only_the_sha256sum_lines_of_the_checksum_block()
        {
            // Given a MODELS.md with a table mentioning a file, a checksum block (text and binary-mode lines), and a later block
            var text = string.Join("\r\n",
                "| `a.onnx` | 0000000000000000000000000000000000000000000000000000000000000000 |",
                "```sha256",
                "F5FEE8214C5D0E459392B4C1B30185AC80E11F6CD7499F1CC66889A9E414EBB2  a.onnx",
                "not a checksum line",
                "0894cf972ca2943b638254e3000c662e932ef1be66aeab5dd573bb6732e58693 *b model.onnx",
                "```",
                "```sha256",
                "1111111111111111111111111111111111111111111111111111111111111111  c.onnx",
                "```");

            // When parsed
            var sums = ModelManifest.Parse(text);

            // Then the two lines of the first block count, lower-cased, file names with spaces kept
            Assert.Equal(2, sums.Count);
            Assert.Equal("f5fee8214c5d0e459392b4c1b30185ac80e11f6cd7499f1cc66889a9e414ebb2", sums["a.onnx"]);
            Assert.Equal("0894cf972ca2943b638254e3000c662e932ef1be66aeab5dd573bb6732e58693", sums["b model.onnx"]);
        }
    }

    public sealed class BuiltIn
    {
        [Fact]
        public void Should_have_a_checksum_for_every_model_the_product_loads()
        {
            Assert.All(ModelCatalog.All, m => Assert.Matches("^[0-9a-f]{64}$", ModelManifest.BuiltIn[m.File]));
        }
    }
}

public sealed class ModelVerifierTests
{
    public sealed class Check
    {
        [Fact]
        public void Should_verify_the_models_the_build_copied_and_read_their_tensors()
        {
            var checks = ModelVerifier.Check(Path.Combine(AppContext.BaseDirectory, "models"), ModelManifest.BuiltIn);

            Assert.Equal(ModelCatalog.All.Select(m => m.File), checks.Select(c => c.Model.File));
            Assert.All(checks, c => Assert.Equal(ModelStatus.Verified, c.Status));
            var detector = checks[0];
            Assert.Equal("input_1 float [1,224,224,3]", $"{detector.Inputs.Single().Name} {detector.Inputs.Single().Describe()}");
            Assert.Equal(["Identity float [1,2254,12]", "Identity_1 float [1,2254,1]"], detector.Outputs.Select(o => $"{o.Name} {o.Describe()}"));
        }

        [Fact]
        public void Should_report_a_model_missing_from_the_checksums_as_unverified()
        {
            // Given the real models but checksums that know only the detector
            var known = new Dictionary<string, string> { [ModelCatalog.Detector] = ModelManifest.BuiltIn[ModelCatalog.Detector] };

            var checks = ModelVerifier.Check(Path.Combine(AppContext.BaseDirectory, "models"), known);

            Assert.Equal([ModelStatus.Verified, ModelStatus.NotInManifest, ModelStatus.NotInManifest, ModelStatus.NotInManifest], checks.Select(c => c.Status));
            Assert.Contains("MODELS.md has no sha256 for pose_landmark_lite.onnx", checks[1].Problem);
        }
    }
}
