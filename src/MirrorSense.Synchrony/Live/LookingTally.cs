using MirrorSense.Core;

namespace MirrorSense.Synchrony.Live;

/// <summary>
/// One person's looking towards the partner over the last <paramref name="seconds"/> whole seconds, tallied per second
/// in a ring: a fixed amount of memory however long the session, and a share that is quick to read ten times a second.
/// </summary>
internal sealed class LookingTally(int seconds)
{
    private readonly int[] _read = new int[seconds];
    private readonly int[] _looking = new int[seconds];
    private readonly int[] _grid = new int[seconds];
    private long _newest = -1;

    /// <summary>One grid point: looking, not looking, or the face not read (null).</summary>
    public void Add(MediaTime time, bool? looking)
    {
        var second = (long)Math.Floor(time.Seconds);
        if (second < 0 || second <= _newest - seconds)
            return;
        Advance(second);
        var slot = (int)(second % seconds);
        _grid[slot]++;
        if (looking is { } yes)
        {
            _read[slot]++;
            _looking[slot] += yes ? 1 : 0;
        }
    }

    /// <summary>The looking share of the grid points the face was read on, and the share it was read on (NaN, 0 before any).</summary>
    public (double Looking, double Read) Share(MediaTime now)
    {
        Advance((long)Math.Floor(now.Seconds));
        long read = 0, looking = 0, grid = 0;
        for (var i = 0; i < seconds; i++)
            (read, looking, grid) = (read + _read[i], looking + _looking[i], grid + _grid[i]);
        return (read == 0 ? double.NaN : (double)looking / read, grid == 0 ? 0 : (double)read / grid);
    }

    private void Advance(long second)
    {
        if (second - _newest >= seconds)
            _newest = second - seconds;
        while (_newest < second)
        {
            _newest++;
            var slot = (int)(_newest % seconds);
            (_read[slot], _looking[slot], _grid[slot]) = (0, 0, 0);
        }
    }
}
