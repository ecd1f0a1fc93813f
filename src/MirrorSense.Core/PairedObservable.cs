using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace MirrorSense.Core;

/// <summary>
/// The state of putting two streams together (one per camera, say) into one ordered stream: each value from either
/// side, and each side's end, may release values. One instance serves one subscription.
/// </summary>
public interface IPairing<in TIn, TOut>
{
    void Add(int side, TIn value, List<TOut> released);

    void End(int side, List<TOut> released);
}

/// <summary>A pairing that holds each side's values in arrival order until its rule (<see cref="Release"/>) lets them go.</summary>
public abstract class QueuedPairing<TIn, TOut> : IPairing<TIn, TOut>
    where TIn : class
{
    private readonly Queue<TIn>[] _waiting = [new(), new()];
    private readonly bool[] _ended = [false, false];

    public virtual void Add(int side, TIn value, List<TOut> released)
    {
        _waiting[side].Enqueue(value);
        Release(released);
    }

    public void End(int side, List<TOut> released)
    {
        _ended[side] = true;
        Release(released);
    }

    /// <summary>Moves to <paramref name="released"/>, in order, whatever the rule lets go now.</summary>
    protected abstract void Release(List<TOut> released);

    /// <summary>The side's oldest waiting value, or null.</summary>
    protected TIn? Next(int side) => _waiting[side].Count > 0 ? _waiting[side].Peek() : null;

    protected TIn Take(int side) => _waiting[side].Dequeue();

    protected bool HasEnded(int side) => _ended[side];
}

/// <summary>Runs an <see cref="IPairing{TIn,TOut}"/> over two live streams.</summary>
public static class PairedObservable
{
    /// <summary>
    /// <paramref name="first"/> is side 0 and <paramref name="second"/> side 1. The two may arrive on threads of their
    /// own; they pass the pairing one at a time, and what it releases goes out in its order. Ends when both sides have
    /// ended; fails when either fails, or when the pairing throws.
    /// </summary>
    public static IObservable<TOut> Pair<TIn, TOut>(IObservable<TIn> first, IObservable<TIn> second, Func<IPairing<TIn, TOut>> open)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(open);
        return Observable.Create<TOut>(observer =>
        {
            var pairing = open();
            var gate = new Lock();
            var released = new List<TOut>();
            var ended = 0;
            var stopped = false;

            void Step(Action<List<TOut>> step, bool ending)
            {
                lock (gate)
                {
                    if (stopped)
                        return;
                    released.Clear();
                    try
                    {
                        step(released);
                    }
                    catch (Exception error) when (error is ArgumentException or InvalidOperationException)
                    {
                        stopped = true;
                        observer.OnError(error);
                        return;
                    }

                    foreach (var value in released)
                        observer.OnNext(value);
                    if (ending && ++ended == 2)
                    {
                        stopped = true;
                        observer.OnCompleted();
                    }
                }
            }

            void Fail(Exception error)
            {
                lock (gate)
                {
                    if (stopped)
                        return;
                    stopped = true;
                    observer.OnError(error);
                }
            }

            IDisposable Side(IObservable<TIn> stream, int side) =>
                stream.Subscribe(value => Step(list => pairing.Add(side, value, list), false), Fail, () => Step(list => pairing.End(side, list), true));

            return new CompositeDisposable(Side(first, 0), Side(second, 1));
        });
    }
}
