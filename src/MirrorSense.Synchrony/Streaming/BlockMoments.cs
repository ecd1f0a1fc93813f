using MirrorSense.Synchrony.CrossCorrelation;

namespace MirrorSense.Synchrony.Streaming;

/// <summary>
/// Centred moments of a run of (x, y) pairs, updated one pair at a time (Welford) and merged pairwise
/// (Chan et al.), so a window's moments come from its blocks without revisiting samples and with
/// two-pass accuracy. A constant series keeps its squares at exactly zero through both operations.
/// </summary>
internal struct BlockMoments
{
    private long _count;
    private long _differing;
    private double _meanX, _meanY, _squaresX, _squaresY, _products;

    public readonly long Count => _count;

    /// <summary>Adds a pair; pairs with a missing member are not complete and are skipped.</summary>
    public void Add(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return;
        _count++;
        if (x != y)
            _differing++;
        var dx = x - _meanX;
        var dy = y - _meanY;
        _meanX += dx / _count;
        _meanY += dy / _count;
        var dxAfter = x - _meanX;
        _squaresX += dx * dxAfter;
        _squaresY += dy * (y - _meanY);
        _products += dy * dxAfter;
    }

    public static BlockMoments Merge(in BlockMoments first, in BlockMoments second)
    {
        if (first._count == 0)
            return second;
        if (second._count == 0)
            return first;
        var n = first._count + second._count;
        var dx = second._meanX - first._meanX;
        var dy = second._meanY - first._meanY;
        var weight = (double)first._count * second._count / n;
        return new BlockMoments
        {
            _count = n,
            _differing = first._differing + second._differing,
            _meanX = first._meanX + dx * second._count / n,
            _meanY = first._meanY + dy * second._count / n,
            _squaresX = first._squaresX + second._squaresX + dx * dx * weight,
            _squaresY = first._squaresY + second._squaresY + dy * dy * weight,
            _products = first._products + second._products + dx * dy * weight,
        };
    }

    public readonly PairMoments ToPairMoments() => new(_count, _differing, _squaresX, _squaresY, _products);
}
