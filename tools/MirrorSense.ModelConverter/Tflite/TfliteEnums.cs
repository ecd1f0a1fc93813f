namespace MirrorSense.ModelConverter.Tflite;

/// <summary>TFLite's tensor element types (schema enum TensorType); only the values these models use are named.</summary>
public enum TfliteTensorType : sbyte
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
    Int8 = 9,
}

/// <summary>TFLite's builtin operator codes (schema enum BuiltinOperator); the subset the converter knows plus a few neighbours for messages.</summary>
public enum TfliteBuiltinOperator
{
    Add = 0,
    AveragePool2D = 1,
    Concatenation = 2,
    Conv2D = 3,
    DepthwiseConv2D = 4,
    DepthToSpace = 5,
    Dequantize = 6,
    FullyConnected = 9,
    Logistic = 14,
    MaxPool2D = 17,
    Mul = 18,
    Relu = 19,
    ReluN1To1 = 20,
    Relu6 = 21,
    Reshape = 22,
    ResizeBilinear = 23,
    Tanh = 28,
    Custom = 32,
    Pad = 34,
    Transpose = 39,
    Prelu = 54,
    Densify = 124,
}

/// <summary>Activation fused into an operator (schema enum ActivationFunctionType).</summary>
public enum TfliteActivation : sbyte
{
    None = 0,
    Relu = 1,
    ReluN1To1 = 2,
    Relu6 = 3,
    Tanh = 4,
    SignBit = 5,
}

/// <summary>Spatial padding rule of convolutions and pools (schema enum Padding).</summary>
public enum TflitePadding : sbyte
{
    Same = 0,
    Valid = 1,
}
