namespace MirrorSense.ModelConverter.Tflite;

/// <summary>Builtin options of an operator; each record mirrors one schema table, with the schema's defaults.</summary>
public abstract record TfliteOptions
{
    public static readonly TfliteOptions None = new NoOptions();

    private sealed record NoOptions : TfliteOptions;
}

public sealed record Conv2DOptions(
    TflitePadding Padding,
    int StrideW,
    int StrideH,
    TfliteActivation Activation,
    int DilationW,
    int DilationH) : TfliteOptions;

public sealed record DepthwiseConv2DOptions(
    TflitePadding Padding,
    int StrideW,
    int StrideH,
    int DepthMultiplier,
    TfliteActivation Activation,
    int DilationW,
    int DilationH) : TfliteOptions;

public sealed record Pool2DOptions(
    TflitePadding Padding,
    int StrideW,
    int StrideH,
    int FilterWidth,
    int FilterHeight,
    TfliteActivation Activation) : TfliteOptions;

public sealed record AddOptions(TfliteActivation Activation) : TfliteOptions;

public sealed record ConcatenationOptions(int Axis, TfliteActivation Activation) : TfliteOptions;

public sealed record ReshapeOptions(IReadOnlyList<int> NewShape) : TfliteOptions;

public sealed record ResizeBilinearOptions(bool AlignCorners, bool HalfPixelCenters) : TfliteOptions;

public sealed record DepthToSpaceOptions(int BlockSize) : TfliteOptions;
