using MirrorSense.Core;
using MirrorSense.Synchrony.Live;
using Xunit;
using Xunit.Abstractions;

namespace MirrorSense.Synchrony.Tests.Live;

public sealed class LiveFaceChannelsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Shared_smiles_read_high_while_B_answers_A_one_second_later_and_near_chance_while_each_smiles_alone(int seed)
    {
        // Given a dyad whose smiles are independent for a minute, then B answers A's a second later as well as smiling alone, then independent again
        var signals = new LiveFaceSignals(seed);
        var engine = new LiveCoordinationEngine(signals.Layout);
        var (answering, alone) = (new List<ChannelReading>(), new List<ChannelReading>());

        // When the engine follows the session
        for (long i = 0; i < 180 * LiveFaceSignals.Rate; i++)
        {
            var t = i / LiveFaceSignals.Rate;
            var update = engine.Add(signals.Sample(i, t is >= 60 and < 120 ? 1.0 : null));
            if (update?[LiveChannel.Smiles] is not { } smiles || double.IsNaN(smiles.Index))
                continue;
            if (t is >= 85 and < 120)
                answering.Add(smiles);
            else if (t >= 145)
                alone.Add(smiles);
        }

        // Then the answering stretch reads well above chance with A leading by about a second, and the lone one near chance
        var (answeringIndex, aloneIndex) = (answering.Average(r => r.Index), alone.Average(r => r.Index));
        output.WriteLine($"seed {seed}: answering {answeringIndex:0.0} (lag {answering.Select(r => r.LagSeconds).Order().ElementAt(answering.Count / 2):0.00} s), alone {aloneIndex:0.000}");
        Assert.True(answeringIndex > 80, $"answering stretch index {answeringIndex:0.0}");
        Assert.True(aloneIndex < 70, $"independent stretch index {aloneIndex:0.0}");
        var led = answering.Where(r => r.Leader is not null).ToList();
        Assert.True(led.Count > answering.Count / 2 && led.Count(r => r.Leader == Participant.A) > 0.9 * led.Count, $"A leads in {led.Count(r => r.Leader == Participant.A)} of {answering.Count} readings, B in {led.Count(r => r.Leader == Participant.B)}");
        Assert.InRange(answering.Select(r => r.LagSeconds).Order().ElementAt(answering.Count / 2), 0.75, 1.25);
    }

    [Fact]
    public void Shared_smiles_and_attention_are_absent_when_the_samples_carry_no_faces()
    {
        var engine = new LiveCoordinationEngine(new LiveBodySignals(1).Layout);
        var update = engine.Add(new LiveBodySignals(1).Sample(0, null));

        Assert.NotNull(update);
        Assert.Null(update![LiveChannel.Smiles]);
        Assert.Null(update.Attention);
    }

    [Fact]
    public void Looking_shares_over_the_last_two_minutes_follow_known_looking_and_count_only_the_time_a_face_was_read()
    {
        // Given A looking at B for 4 s of every 6 and B's face read only every other 5 s, looking whenever it is
        var signals = new LiveFaceSignals(1);
        var engine = new LiveCoordinationEngine(signals.Layout);
        CoordinationUpdate? last = null;

        // When three minutes go by
        for (long i = 0; i < 180 * LiveFaceSignals.Rate; i++)
        {
            var t = i / LiveFaceSignals.Rate;
            bool? lookingB = (int)(t / 5) % 2 == 0 ? true : null;
            last = engine.Add(signals.Sample(i, null, lookingA: t % 6 < 4, lookingB: lookingB)) ?? last;
        }

        // Then the shares are those of the last two minutes, and B's is read on half of them
        var attention = last!.Attention!;
        Assert.Equal(TimeSpan.FromMinutes(2), attention.Span);
        Assert.InRange(attention.LookingShareA, 2.0 / 3 - 0.02, 2.0 / 3 + 0.02);
        Assert.Equal(1.0, attention.LookingShareB);
        Assert.InRange(attention.ReadShareA, 0.98, 1.0);
        Assert.InRange(attention.ReadShareB, 0.48, 0.52);
        Assert.NotNull(attention.LookingA);
    }

    [Fact]
    public void Nods_are_counted_while_the_partner_speaks_and_not_while_the_partner_is_quiet()
    {
        // Given A nodding at 20, 35, 60 and 80 s, and B speaking from 15 to 45 s
        var signals = new LiveFaceSignals(1);
        var engine = new LiveCoordinationEngine(signals.Layout);
        double[] nods = [20, 35, 60, 80];
        CoordinationUpdate? last = null;

        // When the session runs for 100 s, the camera at 30 Hz and B's voice at 100 frames a second
        var frame = 0L;
        for (long i = 0; i < 100 * LiveFaceSignals.Rate; i++)
        {
            var t = i / LiveFaceSignals.Rate;
            for (; frame / 100.0 <= t; frame++)
            {
                var time = frame / 100.0;
                var voiced = time is >= 15 and < 45;
                last = engine.Add(new SpokenFrame(Participant.B, new ProsodyFrame(MediaTime.FromSeconds(time), voiced ? 180 : double.NaN, voiced ? 65 : 30))) ?? last;
            }

            last = engine.Add(signals.Sample(i, null, pitchA: nods.Sum(n => LiveFaceSignals.Nod(t, n)))) ?? last;
        }

        // Then two of A's nods came while B spoke, B gave none, and A listened for the 30 s B spoke
        var attention = last!.Attention!;
        Assert.Equal(2, attention.NodsWhileListeningA);
        Assert.Equal(0, attention.NodsWhileListeningB);
        Assert.InRange(attention.ListeningSecondsA, 29.5, 30.5);
        Assert.Equal(0, attention.ListeningSecondsB);
    }
}
