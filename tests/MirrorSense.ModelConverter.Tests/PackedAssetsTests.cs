using System.Text;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>Files are cut out of an Emscripten packed-assets bundle at the ranges its loader script lists.</summary>
public sealed class PackedAssetsTests
{
    private static readonly byte[] Bundle = Encoding.ASCII.GetBytes("aaaaBBBBBBcc");

    private static string Loader(long size) =>
        "var Module;(function(){function loadPackage(metadata){/* … */}" +
        "loadPackage({\"files\": [{\"filename\": \"/third_party/a.tflite\", \"start\": 0, \"end\": 4}, " +
        "{\"filename\": \"/third_party/models/b.tflite\", \"start\": 4, \"end\": 10}, {\"filename\": \"/c.binarypb\", \"start\": 10, \"end\": 12}], " +
        $"\"remote_package_size\": {size}, \"package_uuid\": \"x\"}});}})();";

    [Fact]
    public void Should_cut_out_the_named_file_at_the_range_the_loader_lists()
    {
        // Given a bundle of three files and its loader script, When the middle one is extracted by its file name
        var bytes = PackedAssets.Extract(Bundle, Loader(Bundle.Length), "b.tflite");

        // Then exactly its bytes come back
        Assert.Equal("BBBBBB", Encoding.ASCII.GetString(bytes.Span));
    }

    [Fact]
    public void Should_refuse_a_bundle_whose_size_differs_from_the_loader()
    {
        // Given a loader written for a larger bundle, Then extraction fails rather than cut at wrong offsets
        var error = Assert.Throws<InvalidDataException>(() => PackedAssets.Extract(Bundle, Loader(Bundle.Length + 1), "b.tflite"));
        Assert.Contains("13 bytes", error.Message);
    }

    [Fact]
    public void Should_refuse_a_file_the_loader_does_not_list()
    {
        var error = Assert.Throws<InvalidDataException>(() => PackedAssets.Extract(Bundle, Loader(Bundle.Length), "face_landmark.tflite"));
        Assert.Contains("0 times", error.Message);
    }

    [Fact]
    public void Should_name_the_loader_beside_a_bundle()
    {
        Assert.Equal("face_mesh_solution_packed_assets_loader.js", PackedAssets.LoaderOf("face_mesh_solution_packed_assets.data"));
        Assert.Throws<ArgumentException>(() => PackedAssets.LoaderOf("face_landmark.tflite"));
    }
}
