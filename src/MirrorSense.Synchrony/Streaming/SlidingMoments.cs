namespace MirrorSense.Synchrony.Streaming;

/// <summary>
/// A FIFO of blocks whose merged moments are available at any time in amortised O(1) per operation
/// (the two-stacks sliding-window aggregation): the newest blocks sit on a back list with a running
/// merge, the oldest on a front stack where each entry holds the merge of itself and everything
/// newer on that stack.
/// </summary>
internal sealed class SlidingMoments(int capacity)
{
    private readonly BlockMoments[] _back = new BlockMoments[capacity];
    private readonly BlockMoments[] _frontAggregates = new BlockMoments[capacity];
    private int _backCount;
    private int _frontCount;
    private BlockMoments _backAggregate;

    public int Count => _backCount + _frontCount;

    public void Push(in BlockMoments block)
    {
        if (Count == capacity)
            throw new InvalidOperationException("The sliding window holds more blocks than it was sized for.");
        _back[_backCount++] = block;
        _backAggregate = BlockMoments.Merge(_backAggregate, block);
    }

    public void PopOldest()
    {
        if (_frontCount == 0)
        {
            // Flip: the newest back block goes to the bottom, the oldest ends on top with the merge of all.
            var running = default(BlockMoments);
            for (var i = _backCount - 1; i >= 0; i--)
            {
                running = BlockMoments.Merge(_back[i], running);
                _frontAggregates[_frontCount++] = running;
            }

            _backCount = 0;
            _backAggregate = default;
        }

        if (_frontCount == 0)
            throw new InvalidOperationException("The sliding window is empty.");
        _frontCount--;
    }

    public BlockMoments Aggregate() =>
        _frontCount == 0 ? _backAggregate : BlockMoments.Merge(_frontAggregates[_frontCount - 1], _backAggregate);
}
