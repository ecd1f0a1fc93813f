using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// A slow, plain NHWC interpreter of the TFLite operators the pose and face mesh models use, written from TFLite's
/// operator definitions with no layout tricks. It is the reference for the detector, which OpenCV
/// cannot load (DENSIFY); the landmark tests check it against OpenCV first, so it is trusted there.
/// Convolutions accumulate in double, so its own rounding stays well below any runtime's.
/// </summary>
public sealed class TfliteReferenceInterpreter(TfliteModel model)
{
    public IReadOnlyDictionary<string, float[]> Run(float[] input)
    {
        var graph = model.Graph;
        var values = new Dictionary<int, float[]> { [graph.Inputs[0]] = input };

        float[] Get(int index)
        {
            if (values.TryGetValue(index, out var value))
            {
                return value;
            }

            var tensor = graph.Tensors[index];
            var decoded = TensorData.DecodeFloats(tensor.Type, model.DataOf(tensor).Span);
            return values[index] = tensor.Sparsity is null ? decoded : SparseDensifier.Densify(tensor.Shape, tensor.Sparsity, decoded);
        }

        foreach (var op in graph.Operators)
        {
            var inShape = graph.Tensors[op.Inputs[0]].Shape;
            var outShape = graph.Tensors[op.Outputs[0]].Shape;
            values[op.Outputs[0]] = op.Code switch
            {
                TfliteBuiltinOperator.Dequantize or TfliteBuiltinOperator.Densify or TfliteBuiltinOperator.Reshape => Get(op.Inputs[0]),
                TfliteBuiltinOperator.Conv2D => Conv(Get(op.Inputs[0]), inShape, Get(op.Inputs[1]), graph.Tensors[op.Inputs[1]].Shape, Get(op.Inputs[2]), outShape, (Conv2DOptions)op.Options),
                TfliteBuiltinOperator.DepthwiseConv2D => Depthwise(Get(op.Inputs[0]), inShape, Get(op.Inputs[1]), graph.Tensors[op.Inputs[1]].Shape, Get(op.Inputs[2]), outShape, (DepthwiseConv2DOptions)op.Options),
                TfliteBuiltinOperator.Add => Add(Get(op.Inputs[0]), Get(op.Inputs[1]), ((AddOptions)op.Options).Activation),
                TfliteBuiltinOperator.Prelu => Prelu(Get(op.Inputs[0]), Get(op.Inputs[1])),
                TfliteBuiltinOperator.Logistic => Get(op.Inputs[0]).Select(x => 1f / (1f + MathF.Exp(-x))).ToArray(),
                TfliteBuiltinOperator.Pad => Pad(Get(op.Inputs[0]), inShape, TensorData.DecodeInt32s(graph.Tensors[op.Inputs[1]].Type, model.DataOf(graph.Tensors[op.Inputs[1]]).Span), outShape),
                TfliteBuiltinOperator.MaxPool2D => MaxPool(Get(op.Inputs[0]), inShape, outShape, (Pool2DOptions)op.Options),
                TfliteBuiltinOperator.ResizeBilinear => Resize(Get(op.Inputs[0]), inShape, outShape, (ResizeBilinearOptions)op.Options),
                TfliteBuiltinOperator.DepthToSpace => DepthToSpace(Get(op.Inputs[0]), inShape, outShape, ((DepthToSpaceOptions)op.Options).BlockSize),
                TfliteBuiltinOperator.Concatenation => Concat(op.Inputs.Select(Get).ToArray(), op.Inputs.Select(i => graph.Tensors[i].Shape).ToArray(), ((ConcatenationOptions)op.Options).Axis),
                _ => throw new NotSupportedException($"The reference interpreter has no {op.Code}."),
            };
        }

        return graph.Outputs.ToDictionary(index => graph.Tensors[index].Name, index => values[index]);
    }

    private static float Activate(float x, TfliteActivation activation) => activation switch
    {
        TfliteActivation.None => x,
        TfliteActivation.Relu => MathF.Max(x, 0f),
        TfliteActivation.Relu6 => Math.Clamp(x, 0f, 6f),
        TfliteActivation.ReluN1To1 => Math.Clamp(x, -1f, 1f),
        TfliteActivation.Tanh => MathF.Tanh(x),
        _ => throw new NotSupportedException(activation.ToString()),
    };

    /// <summary>TFLite SAME: the padding before is half of the total, rounded down.</summary>
    private static int PadBefore(TflitePadding padding, int input, int output, int kernel, int stride, int dilation) =>
        padding == TflitePadding.Valid ? 0 : Math.Max((output - 1) * stride + (kernel - 1) * dilation + 1 - input, 0) / 2;

    private static float[] Conv(float[] x, IReadOnlyList<int> s, float[] w, IReadOnlyList<int> ws, float[] bias, IReadOnlyList<int> o, Conv2DOptions options)
    {
        int h = s[1], wd = s[2], cin = s[3], oh = o[1], ow = o[2], cout = o[3], kh = ws[1], kw = ws[2];
        var top = PadBefore(options.Padding, h, oh, kh, options.StrideH, options.DilationH);
        var left = PadBefore(options.Padding, wd, ow, kw, options.StrideW, options.DilationW);
        var y = new float[oh * ow * cout];
        for (var oy = 0; oy < oh; oy++)
        {
            for (var ox = 0; ox < ow; ox++)
            {
                for (var oc = 0; oc < cout; oc++)
                {
                    double sum = bias[oc];
                    for (var ky = 0; ky < kh; ky++)
                    {
                        var iy = oy * options.StrideH - top + ky * options.DilationH;
                        if (iy < 0 || iy >= h)
                        {
                            continue;
                        }

                        for (var kx = 0; kx < kw; kx++)
                        {
                            var ix = ox * options.StrideW - left + kx * options.DilationW;
                            if (ix < 0 || ix >= wd)
                            {
                                continue;
                            }

                            var xs = x.AsSpan((iy * wd + ix) * cin, cin);
                            var wsn = w.AsSpan(((oc * kh + ky) * kw + kx) * cin, cin);
                            for (var c = 0; c < cin; c++)
                            {
                                sum += (double)xs[c] * wsn[c];
                            }
                        }
                    }

                    y[(oy * ow + ox) * cout + oc] = Activate((float)sum, options.Activation);
                }
            }
        }

        return y;
    }

    private static float[] Depthwise(float[] x, IReadOnlyList<int> s, float[] w, IReadOnlyList<int> ws, float[] bias, IReadOnlyList<int> o, DepthwiseConv2DOptions options)
    {
        int h = s[1], wd = s[2], cin = s[3], oh = o[1], ow = o[2], cout = o[3], kh = ws[1], kw = ws[2];
        var multiplier = cout / cin;
        var top = PadBefore(options.Padding, h, oh, kh, options.StrideH, options.DilationH);
        var left = PadBefore(options.Padding, wd, ow, kw, options.StrideW, options.DilationW);
        var y = new float[oh * ow * cout];
        for (var oy = 0; oy < oh; oy++)
        {
            for (var ox = 0; ox < ow; ox++)
            {
                for (var oc = 0; oc < cout; oc++)
                {
                    var ic = oc / multiplier;
                    double sum = bias[oc];
                    for (var ky = 0; ky < kh; ky++)
                    {
                        var iy = oy * options.StrideH - top + ky * options.DilationH;
                        for (var kx = 0; kx < kw; kx++)
                        {
                            var ix = ox * options.StrideW - left + kx * options.DilationW;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < wd)
                            {
                                sum += (double)x[(iy * wd + ix) * cin + ic] * w[(ky * kw + kx) * cout + oc];
                            }
                        }
                    }

                    y[(oy * ow + ox) * cout + oc] = Activate((float)sum, options.Activation);
                }
            }
        }

        return y;
    }

    private static float[] Add(float[] a, float[] b, TfliteActivation activation)
    {
        // Both operands of ADD in these models have the same shape, or one is a per-channel vector.
        var y = new float[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = Activate(a[i % a.Length] + b[i % b.Length], activation);
        }

        return y;
    }

    /// <summary>PRELU: x where x ≥ 0, else slope·x; the slope ([1,1,C] or [C] in the face mesh) broadcasts along the channel axis, the last.</summary>
    private static float[] Prelu(float[] x, float[] slope)
    {
        var y = new float[x.Length];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = x[i] >= 0f ? x[i] : slope[i % slope.Length] * x[i];
        }

        return y;
    }

    private static float[] Pad(float[] x, IReadOnlyList<int> s, int[] paddings, IReadOnlyList<int> o)
    {
        var y = new float[o.Aggregate(1, (p, d) => p * d)];
        for (var n = 0; n < s[0]; n++)
        {
            for (var iy = 0; iy < s[1]; iy++)
            {
                for (var ix = 0; ix < s[2]; ix++)
                {
                    for (var c = 0; c < s[3]; c++)
                    {
                        var target = (((n + paddings[0]) * o[1] + iy + paddings[2]) * o[2] + ix + paddings[4]) * o[3] + c + paddings[6];
                        y[target] = x[((n * s[1] + iy) * s[2] + ix) * s[3] + c];
                    }
                }
            }
        }

        return y;
    }

    private static float[] MaxPool(float[] x, IReadOnlyList<int> s, IReadOnlyList<int> o, Pool2DOptions options)
    {
        int h = s[1], wd = s[2], c = s[3], oh = o[1], ow = o[2];
        var top = PadBefore(options.Padding, h, oh, options.FilterHeight, options.StrideH, 1);
        var left = PadBefore(options.Padding, wd, ow, options.FilterWidth, options.StrideW, 1);
        var y = new float[oh * ow * c];
        for (var oy = 0; oy < oh; oy++)
        {
            for (var ox = 0; ox < ow; ox++)
            {
                for (var ch = 0; ch < c; ch++)
                {
                    var max = float.NegativeInfinity;
                    for (var ky = 0; ky < options.FilterHeight; ky++)
                    {
                        for (var kx = 0; kx < options.FilterWidth; kx++)
                        {
                            var iy = oy * options.StrideH - top + ky;
                            var ix = ox * options.StrideW - left + kx;
                            if (iy >= 0 && iy < h && ix >= 0 && ix < wd)
                            {
                                max = MathF.Max(max, x[(iy * wd + ix) * c + ch]);
                            }
                        }
                    }

                    y[(oy * ow + ox) * c + ch] = Activate(max, options.Activation);
                }
            }
        }

        return y;
    }

    /// <summary>TFLite's bilinear resize: source = (dst + 0.5)·scale − 0.5 with half-pixel centres, clamped to the image.</summary>
    private static float[] Resize(float[] x, IReadOnlyList<int> s, IReadOnlyList<int> o, ResizeBilinearOptions options)
    {
        int h = s[1], wd = s[2], c = s[3], oh = o[1], ow = o[2];
        float Scale(int input, int output) => options.AlignCorners && output > 1 ? (input - 1f) / (output - 1f) : (float)input / output;
        float Source(int dst, float scale) => options.HalfPixelCenters ? (dst + 0.5f) * scale - 0.5f : dst * scale;
        var (scaleY, scaleX) = (Scale(h, oh), Scale(wd, ow));
        var y = new float[oh * ow * c];
        for (var oy = 0; oy < oh; oy++)
        {
            var sy = Source(oy, scaleY);
            var y0 = Math.Max((int)MathF.Floor(sy), 0);
            var y1 = Math.Min((int)MathF.Ceiling(sy), h - 1);
            var fy = sy - MathF.Floor(sy);
            for (var ox = 0; ox < ow; ox++)
            {
                var sx = Source(ox, scaleX);
                var x0 = Math.Max((int)MathF.Floor(sx), 0);
                var x1 = Math.Min((int)MathF.Ceiling(sx), wd - 1);
                var fx = sx - MathF.Floor(sx);
                for (var ch = 0; ch < c; ch++)
                {
                    float At(int yy, int xx) => x[(yy * wd + xx) * c + ch];
                    var topRow = At(y0, x0) + (At(y0, x1) - At(y0, x0)) * fx;
                    var bottomRow = At(y1, x0) + (At(y1, x1) - At(y1, x0)) * fx;
                    y[(oy * ow + ox) * c + ch] = topRow + (bottomRow - topRow) * fy;
                }
            }
        }

        return y;
    }

    /// <summary>TF DEPTH_TO_SPACE: output[y·b+i, x·b+j, c] = input[y, x, (i·b + j)·C + c].</summary>
    private static float[] DepthToSpace(float[] x, IReadOnlyList<int> s, IReadOnlyList<int> o, int block)
    {
        int h = s[1], wd = s[2], cin = s[3], cout = o[3];
        var y = new float[x.Length];
        for (var iy = 0; iy < h; iy++)
        {
            for (var ix = 0; ix < wd; ix++)
            {
                for (var ic = 0; ic < cin; ic++)
                {
                    var offset = ic / cout;
                    var (i, j, c) = (offset / block, offset % block, ic % cout);
                    y[((iy * block + i) * o[2] + ix * block + j) * cout + c] = x[(iy * wd + ix) * cin + ic];
                }
            }
        }

        return y;
    }

    private static float[] Concat(float[][] inputs, IReadOnlyList<int>[] shapes, int axis)
    {
        var rank = shapes[0].Count;
        axis = axis < 0 ? axis + rank : axis;
        var outer = shapes[0].Take(axis).Aggregate(1, (p, d) => p * d);
        var inner = shapes.Select(sh => sh.Skip(axis).Aggregate(1, (p, d) => p * d)).ToArray();
        var y = new float[inputs.Sum(a => a.Length)];
        var at = 0;
        for (var n = 0; n < outer; n++)
        {
            for (var k = 0; k < inputs.Length; k++)
            {
                inputs[k].AsSpan(n * inner[k], inner[k]).CopyTo(y.AsSpan(at));
                at += inner[k];
            }
        }

        return y;
    }
}
