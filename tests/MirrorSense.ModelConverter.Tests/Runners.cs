using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;
using OpenCvSharp.Dnn;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>Runs an ONNX model with ONNX Runtime's CPU provider (2 threads, like the target machines).</summary>
public sealed class OnnxRunner : IDisposable
{
    private readonly InferenceSession session;

    public OnnxRunner(byte[] model)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2, InterOpNumThreads = 1 };
        session = new InferenceSession(model, options);
    }

    public IReadOnlyDictionary<string, float[]> Run(float[] nhwcInput)
    {
        var input = session.InputMetadata.Single();
        var tensor = new DenseTensor<float>(nhwcInput, input.Value.Dimensions);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(input.Key, tensor)]);
        return results.ToDictionary(result => result.Name, result => result.AsTensor<float>().ToArray());
    }

    public void Dispose() => session.Dispose();
}

/// <summary>Runs the original .tflite through OpenCV's own TFLite importer; outputs come back in TFLite's NHWC order.</summary>
public static class OpenCvTfliteRunner
{
    public static IReadOnlyDictionary<string, float[]> Run(string tflitePath, float[] nhwcInput, int height, int width)
    {
        using var net = CvDnn.ReadNet(tflitePath);
        var nchw = new float[nhwcInput.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    nchw[(c * height + y) * width + x] = nhwcInput[(y * width + x) * 3 + c];
                }
            }
        }

        using var blob = Mat.FromPixelData([1, 3, height, width], MatType.CV_32F, nchw);
        net.SetInput(blob);
        var names = net.GetUnconnectedOutLayersNames().Select(name => name!).ToArray();
        var outputs = names.Select(_ => new Mat()).ToArray();
        try
        {
            net.Forward(outputs, names);
            return names.Zip(outputs).ToDictionary(pair => pair.First, pair => ToNhwc(pair.Second));
        }
        finally
        {
            foreach (var output in outputs)
            {
                output.Dispose();
            }
        }
    }

    /// <summary>OpenCV keeps rank-4 blobs as NCHW; everything else is already in TFLite's order.</summary>
    private static float[] ToNhwc(Mat blob)
    {
        var dims = Enumerable.Range(0, blob.Dims).Select(blob.Size).ToArray();
        var data = new float[dims.Aggregate(1, (p, d) => p * d)];
        using var contiguous = blob.Clone();   // a clone is always continuous, so Data is one block
        Marshal.Copy(contiguous.Data, data, 0, data.Length);
        if (dims.Length != 4)
        {
            return data;
        }

        return Conversion.TensorData.Transpose(data, dims, Conversion.Layouts.NchwToNhwc);
    }
}

public static class Differences
{
    public static float MaxAbs(float[] expected, float[] actual)
    {
        if (expected.Length != actual.Length)
        {
            throw new ArgumentException($"Lengths differ: {expected.Length} vs {actual.Length}.");
        }

        var max = 0f;
        for (var i = 0; i < expected.Length; i++)
        {
            var difference = MathF.Abs(expected[i] - actual[i]);
            max = float.IsNaN(difference) ? float.PositiveInfinity : MathF.Max(max, difference);
        }

        return max;
    }
}
