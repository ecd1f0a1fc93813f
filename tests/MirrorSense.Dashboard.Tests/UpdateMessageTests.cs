using MirrorSense.Core;
using MirrorSense.Dashboard.Wire;

namespace MirrorSense.Dashboard.Tests;

public sealed class UpdateMessageTests
{
    [Fact]
    public void Should_date_an_update_by_its_newest_input_and_leave_it_undated_before_any_input()
    {
        // Given body input up to 12 s and voice up to 11 s, and an update with neither
        using var live = new LiveFeed();
        var both = Readings.Update(12.5, 50) with { BodyTime = MediaTime.FromSeconds(12), VoiceTime = MediaTime.FromSeconds(11) };
        var neither = both with { BodyTime = null, VoiceTime = null };

        // Then the first is dated by the body input, the second not at all
        Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 12_000, UpdateMessage.From(both, live.Feed).CapturedMs);
        Assert.Null(UpdateMessage.From(neither, live.Feed).CapturedMs);
    }

    [Fact]
    public void Should_date_body_and_voice_input_apart_and_leave_a_missing_one_undated()
    {
        // Given body input up to 12 s and voice up to 11 s, and an update with body input only
        using var live = new LiveFeed();
        var both = Readings.Update(12.5, 50) with { BodyTime = MediaTime.FromSeconds(12), VoiceTime = MediaTime.FromSeconds(11) };
        var bodyOnly = both with { VoiceTime = null };

        // When each is put on the wire
        var message = UpdateMessage.From(both, live.Feed);
        var silent = UpdateMessage.From(bodyOnly, live.Feed);

        // Then each modality carries its own capture instant, and the missing voice none
        Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 12_000, message.BodyCapturedMs);
        Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 11_000, message.VoiceCapturedMs);
        Assert.Equal(LiveFeed.Zero.ToUnixTimeMilliseconds() + 12_000, silent.BodyCapturedMs);
        Assert.Null(silent.VoiceCapturedMs);
    }
}
