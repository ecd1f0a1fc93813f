using MirrorSense.ModelConverter.Onnx;

namespace MirrorSense.ModelConverter.Conversion;

/// <summary>
/// Collects ONNX nodes and initializers in the order they are added (which is a topological order,
/// since every input is added before its consumer) and keeps initializer names unique. One per conversion.
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> nodes = [];
    private readonly List<OnnxTensor> initializers = [];
    private readonly HashSet<string> initializerNames = [];

    public IReadOnlyList<OnnxNode> Nodes => nodes;

    public IReadOnlyList<OnnxTensor> Initializers => initializers;

    public void AddNode(string opType, string name, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes) =>
        nodes.Add(new OnnxNode(opType, name, inputs, outputs, attributes));

    public bool HasInitializer(string name) => initializerNames.Contains(name);

    /// <summary>Adds a constant; callers pick names that encode what the data is, so a repeated name means the same data.</summary>
    public string AddInitializer(OnnxTensor tensor)
    {
        if (initializerNames.Add(tensor.Name))
        {
            initializers.Add(tensor);
        }

        return tensor.Name;
    }

    public string Floats(string name, IReadOnlyList<long> dims, ReadOnlySpan<float> values) =>
        HasInitializer(name) ? name : AddInitializer(OnnxTensor.FromFloats(name, dims, values));

    public string Int64s(string name, ReadOnlySpan<long> values) =>
        HasInitializer(name) ? name : AddInitializer(OnnxTensor.FromInt64s(name, [values.Length], values));

    /// <summary>A float scalar shared by every node that needs it (Clip bounds).</summary>
    public string Scalar(float value) =>
        Floats(FormattableString.Invariant($"const/scalar/{value:R}"), [], [value]);
}
