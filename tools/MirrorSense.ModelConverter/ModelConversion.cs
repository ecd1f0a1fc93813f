using System.Security.Cryptography;
using System.Text;
using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter;

/// <summary>The result of converting one model: the bytes written and the digests of source (the TFLite bytes) and output.</summary>
public sealed record ConvertedModel(SourceModel Model, string SourceSha256, byte[] Onnx)
{
    public string OnnxSha256 => ModelConversion.Sha256(Onnx);
}

/// <summary>TFLite bytes of a package file → ONNX bytes, deterministically (no clocks, paths or machine names in the output).</summary>
public static class ModelConversion
{
    public static ConvertedModel Convert(NpmPackage package, SourceModel model)
    {
        var tflite = Tflite(package, model);
        var onnx = new TfliteToOnnxConverter().Convert(
            TfliteModelReader.Read(tflite),
            Path.GetFileNameWithoutExtension(model.OnnxFile),
            $"{model.Description}. Converted from {model.Package} {model.SourceName} (Apache-2.0).",
            model.Outputs);
        return new ConvertedModel(model, Sha256(tflite.Span), OnnxWriter.Serialize(onnx));
    }

    /// <summary>The TFLite bytes of a model: the package file itself, or its range inside a packed-assets bundle.</summary>
    public static ReadOnlyMemory<byte> Tflite(NpmPackage package, SourceModel model) => model.PackedAsset is { } asset
        ? PackedAssets.Extract(package.Read(model.PackageFile), Encoding.UTF8.GetString(package.Read(PackedAssets.LoaderOf(model.PackageFile))), asset)
        : package.Read(model.PackageFile);

    public static string Sha256(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
