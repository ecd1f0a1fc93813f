using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Conversion.Translators;

/// <summary>Translates one family of TFLite operators into ONNX nodes (or folds them into constants).</summary>
public interface IOperatorTranslator
{
    IReadOnlyCollection<TfliteBuiltinOperator> Handles { get; }

    /// <param name="nodeName">A unique, stable prefix for the ONNX nodes this operator becomes.</param>
    void Translate(TfliteOperator op, string nodeName, ConversionContext context);
}
