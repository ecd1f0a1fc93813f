namespace MirrorSense.Vision.Detection;

/// <summary>
/// Anchor centres of the BlazePose detector, as MediaPipe's SsdAnchorsCalculator makes them for
/// 5 layers with strides 8, 16, 32, 32, 32 on a 224×224 input, aspect ratio 1, fixed anchor size and an
/// interpolated-scale anchor per layer. Layers that share a stride share a grid, so each cell gets
/// 2 anchors at stride 8 and 16 and 6 at stride 32: 28²·2 + 14²·2 + 7²·6 = 2254. Centres are in
/// input pixels; with fixed size every anchor is 1×1, so box offsets need no anchor scaling.
/// </summary>
public static class SsdAnchors
{
    public static IReadOnlyList<(float X, float Y)> Generate(int inputSize, IReadOnlyList<int> strides)
    {
        var anchors = new List<(float X, float Y)>();
        var layer = 0;
        while (layer < strides.Count)
        {
            // Consecutive layers with the same stride are merged into one grid (two anchors per layer).
            var last = layer;
            while (last + 1 < strides.Count && strides[last + 1] == strides[layer])
                last++;
            var perCell = 2 * (last - layer + 1);
            var cells = (int)Math.Ceiling(inputSize / (double)strides[layer]);
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    var centre = ((x + 0.5f) / cells * inputSize, (y + 0.5f) / cells * inputSize);
                    for (var k = 0; k < perCell; k++)
                        anchors.Add(centre);
                }
            }

            layer = last + 1;
        }

        return anchors;
    }

    /// <summary>The pose detector's anchors: 2254 on 224×224.</summary>
    public static IReadOnlyList<(float X, float Y)> PoseDetector { get; } = Generate(224, [8, 16, 32, 32, 32]);
}
