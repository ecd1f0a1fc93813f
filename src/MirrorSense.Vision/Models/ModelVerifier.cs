using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace MirrorSense.Vision.Models;

/// <summary>How a model file compares with what the program expects.</summary>
public enum ModelStatus
{
    Verified,
    Missing,
    Unreadable,
    ChecksumDiffers,
    NotInManifest,
}

/// <summary>One input or output of a model as ONNX Runtime reports it; -1 marks a dimension the model leaves open.</summary>
public sealed record TensorShape(string Name, string ElementType, IReadOnlyList<long> Dimensions)
{
    public string Describe() => $"{ElementType} [{string.Join(',', Dimensions.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>What was found for one model: its size and sha256, the expected sha256, its tensors, and what is wrong, if anything (for people).</summary>
public sealed record ModelCheck(
    KnownModel Model,
    string Path,
    ModelStatus Status,
    long? Bytes,
    string? Sha256,
    string? ExpectedSha256,
    IReadOnlyList<TensorShape> Inputs,
    IReadOnlyList<TensorShape> Outputs,
    string? Problem);

/// <summary>
/// Checks each model file of a folder: present, readable, sha256 as in MODELS.md, and loadable by ONNX
/// Runtime, whose session reports the input and output names and shapes.
/// </summary>
public static class ModelVerifier
{
    public static IReadOnlyList<ModelCheck> Check(string folder, IReadOnlyDictionary<string, string> expected, IReadOnlyList<KnownModel>? models = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(expected);
        return [.. (models ?? ModelCatalog.All).Select(m => Check(m, System.IO.Path.Combine(folder, m.File), expected.GetValueOrDefault(m.File)))];
    }

    private static ModelCheck Check(KnownModel model, string path, string? expected)
    {
        if (!File.Exists(path))
            return new(model, path, ModelStatus.Missing, null, null, expected, [], [], $"{model.File} is missing from {System.IO.Path.GetDirectoryName(path)}.");

        long bytes;
        string sha;
        try
        {
            using var stream = File.OpenRead(path);
            bytes = stream.Length;
            sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new(model, path, ModelStatus.Unreadable, null, null, expected, [], [], $"{path} cannot be read: {error.Message}");
        }

        var (inputs, outputs, loadError) = Inspect(path);
        var loadProblem = loadError is null ? null : $"ONNX Runtime cannot load {path}: {loadError}";
        if (expected is null)
            return new(model, path, ModelStatus.NotInManifest, bytes, sha, null, inputs, outputs, $"MODELS.md has no sha256 for {model.File}, so it cannot be verified.");
        if (!string.Equals(sha, expected, StringComparison.OrdinalIgnoreCase))
        {
            var problem = $"{path} has sha256 {sha}, but MODELS.md expects {expected}: the file is damaged or a different model.";
            return new(model, path, ModelStatus.ChecksumDiffers, bytes, sha, expected, inputs, outputs, loadProblem is null ? problem : $"{problem} {loadProblem}");
        }

        return loadProblem is null
            ? new(model, path, ModelStatus.Verified, bytes, sha, expected, inputs, outputs, null)
            : new(model, path, ModelStatus.Unreadable, bytes, sha, expected, inputs, outputs, loadProblem);
    }

    private static (IReadOnlyList<TensorShape> Inputs, IReadOnlyList<TensorShape> Outputs, string? Error) Inspect(string path)
    {
        try
        {
            // Only the metadata is wanted: skip graph optimisation, which costs most of a session's opening time.
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL, IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            using var session = new InferenceSession(path, options);
            return (Shapes(session.InputMetadata), Shapes(session.OutputMetadata), null);
        }
        catch (OnnxRuntimeException error)
        {
            return ([], [], error.Message);
        }
    }

    private static TensorShape[] Shapes(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        [.. metadata.Select(m => new TensorShape(
            m.Key,
            m.Value.IsTensor ? m.Value.ElementDataType.ToString().ToLowerInvariant() : m.Value.OnnxValueType.ToString(),
            m.Value.IsTensor ? [.. m.Value.Dimensions.Select(d => (long)d)] : []))];
}
