namespace MirrorSense.ModelConverter.Conversion;

/// <summary>A constant known at conversion time, in TFLite's shape and element order, widened to float.</summary>
public sealed record ConstantTensor(IReadOnlyList<int> Shape, float[] Values);
