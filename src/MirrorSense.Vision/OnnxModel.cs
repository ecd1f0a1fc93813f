using Microsoft.ML.OnnxRuntime;

namespace MirrorSense.Vision;

/// <summary>
/// One ONNX Runtime session for one model, opened once (MediaPipe's Open) and run frame after frame on a
/// reused input buffer. Only the outputs a stage reads are fetched.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtValue input;
    private readonly string[] inputNames;
    private readonly string[] outputNames;

    public OnnxModel(string path, int intraOpThreads, float[] inputBuffer, IReadOnlyList<string> outputs)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The model file '{path}' does not exist.", path);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(path, options);
        var (name, metadata) = session.InputMetadata.Single();
        var shape = metadata.Dimensions.Select(d => (long)Math.Max(d, 1)).ToArray();
        if (shape.Aggregate(1L, (p, d) => p * d) != inputBuffer.Length)
            throw new ArgumentException($"Model '{Path.GetFileName(path)}' takes [{string.Join(',', shape)}], not {inputBuffer.Length} values.", nameof(inputBuffer));
        foreach (var output in outputs)
        {
            if (!session.OutputMetadata.ContainsKey(output))
                throw new ArgumentException($"Model '{Path.GetFileName(path)}' has no output '{output}'.", nameof(outputs));
        }

        input = OrtValue.CreateTensorValueFromMemory(inputBuffer, shape);
        inputNames = [name];
        outputNames = [.. outputs];
    }

    /// <summary>Runs the model on the current contents of the input buffer; the caller disposes the outputs.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run() => session.Run(runOptions, inputNames, [input], outputNames);

    public void Dispose()
    {
        input.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }
}
