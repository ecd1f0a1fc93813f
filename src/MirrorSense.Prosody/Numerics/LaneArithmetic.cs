using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace MirrorSense.Prosody.Numerics;

/// <summary>
/// The arithmetic of one lane type (a double, or four doubles in a vector), so a kernel written once runs on vectors
/// where the processor has them and on scalars elsewhere, with the same operations in the same order either way.
/// </summary>
internal interface ILaneArithmetic<T>
{
    static abstract T Add(T a, T b);
    static abstract T Subtract(T a, T b);
    static abstract T Multiply(T a, T b);
}

internal readonly struct ScalarLanes : ILaneArithmetic<double>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double a, double b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double a, double b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double a, double b) => a * b;
}

internal readonly struct Vector256Lanes : ILaneArithmetic<Vector256<double>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
}
