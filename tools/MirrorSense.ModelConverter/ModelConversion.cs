using System.Security.Cryptography;
using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter;

/// <summary>The result of converting one model: the bytes written and the digests of source and output.</summary>
public sealed record ConvertedModel(PoseModel Model, string SourceSha256, byte[] Onnx)
{
    public string OnnxSha256 => ModelConversion.Sha256(Onnx);
}

/// <summary>TFLite bytes of a package file → ONNX bytes, deterministically (no clocks, paths or machine names in the output).</summary>
public static class ModelConversion
{
    public static ConvertedModel Convert(NpmPackage package, PoseModel model)
    {
        var tflite = package.Read(model.PackageFile);
        var onnx = new TfliteToOnnxConverter().Convert(
            TfliteModelReader.Read(tflite),
            Path.GetFileNameWithoutExtension(model.OnnxFile),
            $"{model.Description}. Converted from {PoseModels.Package}@{PoseModels.Version} {model.PackageFile} (Apache-2.0).");
        return new ConvertedModel(model, Sha256(tflite), OnnxWriter.Serialize(onnx));
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => System.Convert.ToHexStringLower(SHA256.HashData(bytes));
}
