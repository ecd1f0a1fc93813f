using MirrorSense.ModelConverter.Onnx;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion;

/// <summary>
/// The state of one model's conversion: which ONNX value holds each TFLite tensor and in which
/// layout, which tensors are constants (including ones folded from DEQUANTIZE/DENSIFY), and the graph
/// under construction. Translators ask it for inputs in the layout they need and declare their outputs.
/// </summary>
public sealed class ConversionContext
{
    private readonly Dictionary<int, TensorLayout> produced = [];
    private readonly Dictionary<int, ConstantTensor> folded = [];
    private readonly Dictionary<(int Index, TensorLayout Layout), string> available = [];
    private readonly string[] names;

    public ConversionContext(TfliteModel model)
    {
        Model = model;
        names = UniqueNames(model.Graph.Tensors);
    }

    public TfliteModel Model { get; }

    public OnnxGraphBuilder Graph { get; } = new();

    public TfliteTensor Tensor(int index) => Model.Graph.Tensors[index];

    public IReadOnlyList<int> Shape(int index) => Tensor(index).Shape;

    /// <summary>The ONNX name of a TFLite tensor held in TFLite's layout; NCHW copies get a suffix.</summary>
    public string NameOf(int index, TensorLayout layout) =>
        layout == TensorLayout.Nhwc ? names[index] : names[index] + "/nchw";

    public bool IsConstant(int index) => folded.ContainsKey(index) || Model.IsConstant(Tensor(index));

    /// <summary>The float values of a constant tensor (stored, or folded earlier in the graph).</summary>
    public ConstantTensor Constant(int index)
    {
        if (folded.TryGetValue(index, out var constant))
        {
            return constant;
        }

        var tensor = Tensor(index);
        var data = Model.DataOf(tensor);
        if (data.IsEmpty)
        {
            throw new NotSupportedException($"Tensor '{tensor.Name}' must be a constant here but is computed at run time.");
        }

        var values = TensorData.DecodeFloats(tensor.Type, data.Span);
        if (tensor.Sparsity is { } sparsity)
        {
            values = SparseDensifier.Densify(tensor.Shape, sparsity, values);
        }

        return new ConstantTensor(tensor.Shape, values);
    }

    public int[] Int32Constant(int index)
    {
        var tensor = Tensor(index);
        return TensorData.DecodeInt32s(tensor.Type, Model.DataOf(tensor).Span);
    }

    /// <summary>Records a tensor whose value the converter computed (it then never appears as a node).</summary>
    public void DefineConstant(int index, ConstantTensor value) => folded[index] = value;

    /// <summary>The layout a tensor's producer wrote it in (graph inputs and constants count as NHWC).</summary>
    public TensorLayout LayoutOf(int index) => produced.GetValueOrDefault(index, TensorLayout.Nhwc);

    public bool IsRank4(int index) => Shape(index).Count == 4;

    /// <summary>Declares that the next node writes tensor <paramref name="index"/> in <paramref name="layout"/>; returns the name to write.</summary>
    public string Define(int index, TensorLayout layout)
    {
        if (layout == TensorLayout.Nchw && !IsRank4(index))
        {
            throw new InvalidOperationException($"Only rank-4 tensors can be held as NCHW; '{Tensor(index).Name}' has rank {Shape(index).Count}.");
        }

        produced[index] = layout;
        var name = NameOf(index, layout);
        available[(index, layout)] = name;
        return name;
    }

    /// <summary>
    /// The ONNX name of a tensor in the wanted layout. A computed tensor is transposed once on first
    /// request; a constant becomes an initializer already in that layout (lower-rank constants are
    /// first padded to rank 4 with leading ones, as NHWC broadcasting would).
    /// </summary>
    public string Input(int index, TensorLayout layout)
    {
        if (available.TryGetValue((index, layout), out var name))
        {
            return name;
        }

        if (IsConstant(index))
        {
            return ConstantInput(index, layout);
        }

        if (!produced.TryGetValue(index, out var have))
        {
            throw new InvalidOperationException($"Tensor '{Tensor(index).Name}' is used before any operator produces it.");
        }

        var source = available[(index, have)];
        var target = NameOf(index, layout);
        var perm = layout == TensorLayout.Nchw ? Layouts.NhwcToNchw : Layouts.NchwToNhwc;
        Graph.AddNode("Transpose", $"transpose/{target}", [source], [target], Ints("perm", perm));
        available[(index, layout)] = target;
        return target;
    }

    /// <summary>A node output that is not a TFLite tensor (e.g. before a fused activation).</summary>
    public static string Intermediate(string tensorName, string role) => $"{tensorName}/{role}";

    public static OnnxIntsAttribute Ints(string name, IEnumerable<int> values) => new(name, values.Select(v => (long)v).ToArray());

    private string ConstantInput(int index, TensorLayout layout)
    {
        var constant = Constant(index);
        var name = NameOf(index, layout);
        if (layout == TensorLayout.Nhwc)
        {
            return available[(index, layout)] = Graph.Floats(name, constant.Shape.Select(d => (long)d).ToArray(), constant.Values);
        }

        if (constant.Shape.Count > 4)
        {
            throw new NotSupportedException($"Constant '{Tensor(index).Name}' has rank {constant.Shape.Count}; NCHW needs at most 4.");
        }

        var shape4 = Enumerable.Repeat(1, 4 - constant.Shape.Count).Concat(constant.Shape).ToArray();
        var values = TensorData.Transpose(constant.Values, shape4, Layouts.NhwcToNchw);
        var dims = Layouts.NhwcToNchw.Select(axis => (long)shape4[axis]).ToArray();
        return available[(index, layout)] = Graph.Floats(name, dims, values);
    }

    private static string[] UniqueNames(IReadOnlyList<TfliteTensor> tensors)
    {
        // TFLite does not promise unique tensor names; ONNX needs them.
        var seen = new HashSet<string>();
        var result = new string[tensors.Count];
        for (var i = 0; i < tensors.Count; i++)
        {
            var name = tensors[i].Name;
            result[i] = seen.Add(name) ? name : $"{name}#{i}";
            seen.Add(result[i]);
        }

        return result;
    }
}
