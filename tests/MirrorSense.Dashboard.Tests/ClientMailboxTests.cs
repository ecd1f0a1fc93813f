using System.Text;
using MirrorSense.Dashboard.Streaming;

namespace MirrorSense.Dashboard.Tests;

public sealed class ClientMailboxTests
{
    [Fact]
    public async Task Should_hold_only_the_newest_event_of_each_kind_however_many_arrive()
    {
        // Given a page that does not read while 10 000 updates and 10 000 poses arrive
        var mailbox = new ClientMailbox();
        for (var i = 0; i < 10_000; i++)
        {
            mailbox.Post(Event(DashboardEventKind.Update, i));
            mailbox.Post(Event(DashboardEventKind.Pose, i));
        }

        // When it reads
        var batch = new ServerSentEvent[DashboardEventKindExtensions.Count];
        var count = await mailbox.TakeAsync(batch, CancellationToken.None);

        // Then it gets two events, the newest of each kind, updates first
        Assert.Equal(2, count);
        Assert.Equal([DashboardEventKind.Update, DashboardEventKind.Pose], batch.Take(count).Select(e => e.Kind));
        Assert.All(batch.Take(count), e => Assert.Equal("9999", Encoding.UTF8.GetString(e.Json.Span)));
        Assert.Equal(0, mailbox.Backlog);
    }

    [Fact]
    public async Task Should_wake_a_waiting_reader_when_an_event_arrives()
    {
        // Given a reader waiting on an empty mailbox
        var mailbox = new ClientMailbox();
        var batch = new ServerSentEvent[DashboardEventKindExtensions.Count];
        var reading = mailbox.TakeAsync(batch, CancellationToken.None);
        Assert.False(reading.IsCompleted);

        // When a health event arrives
        mailbox.Post(Event(DashboardEventKind.Health, 1));

        // Then the reader gets it
        Assert.Equal(1, await reading.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(DashboardEventKind.Health, batch[0].Kind);
    }

    private static ServerSentEvent Event(DashboardEventKind kind, int n) => new(kind, Encoding.UTF8.GetBytes(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
