using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>
/// DEQUANTIZE and DENSIFY of constants are folded at conversion time: the pose models store weights
/// as float16 (and the detector as sparse float16), and ONNX gets plain float32 initializers. The
/// result feeds later translators through the context, so no ONNX node is emitted.
/// </summary>
public sealed class ConstantFoldingTranslator : IOperatorTranslator
{
    public IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; } =
        [TfliteBuiltinOperator.Dequantize, TfliteBuiltinOperator.Densify];

    public void Translate(TfliteOperator op, string nodeName, ConversionContext context)
    {
        if (!context.IsConstant(op.Inputs[0]))
        {
            throw new NotSupportedException($"{op.Code} of a run-time tensor ('{context.Tensor(op.Inputs[0]).Name}') is not supported.");
        }

        // Context.Constant already widens float16 and densifies sparse storage.
        var value = context.Constant(op.Inputs[0]);
        var input = context.Tensor(op.Inputs[0]);
        if (op.Code == TfliteBuiltinOperator.Dequantize && input.Type is TfliteTensorType.Int8 or TfliteTensorType.UInt8 && input.Quantization is { } quantization)
        {
            value = value with { Values = Dequantize(value, quantization) };
        }

        context.DefineConstant(op.Outputs[0], value with { Shape = context.Shape(op.Outputs[0]) });
    }

    /// <summary>real = scale · (q − zero_point), per tensor or per channel along the quantized dimension.</summary>
    private static float[] Dequantize(ConstantTensor value, TfliteQuantization quantization)
    {
        var result = new float[value.Values.Length];
        var strides = TensorData.Strides(value.Shape);
        var dimension = quantization.QuantizedDimension;
        for (var i = 0; i < result.Length; i++)
        {
            var channel = quantization.Scale.Count == 1 ? 0 : i / strides[dimension] % value.Shape[dimension];
            var zeroPoint = quantization.ZeroPoint.Count == 0 ? 0 : quantization.ZeroPoint[Math.Min(channel, quantization.ZeroPoint.Count - 1)];
            result[i] = quantization.Scale[channel] * (value.Values[i] - zeroPoint);
        }

        return result;
    }
}
