using System.Globalization;
using System.Reactive.Linq;
using MirrorSense.Core;
using MirrorSense.Dashboard;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MirrorSense.Cli.Live;

/// <summary>
/// The live view for lab machines without a browser: one row per channel (index bar, confidence, state, who
/// leads), the conversation, capture health and the current cue, redrawn a few times a second with Spectre.Console.
/// </summary>
internal sealed class TerminalView : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _drawing;
    private CoordinationUpdate? _update;
    private CaptureHealth? _health;
    private CoachingCue? _cue;

    private TerminalView(LiveOutputs outputs, TextWriter console)
    {
        _subscription = new System.Reactive.Disposables.CompositeDisposable(
            outputs.Updates.Subscribe(u =>
            {
                Volatile.Write(ref _update, u);
                if (u.Cue is not null)
                    Volatile.Write(ref _cue, u.Cue);
            }),
            outputs.Health.Subscribe(h => Volatile.Write(ref _health, h)));
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console) });
        // Redirected to a file, each redraw is a whole new table: a few a second would bury the log.
        var every = Console.IsOutputRedirected ? TimeSpan.FromSeconds(5) : TimeSpan.FromMilliseconds(250);
        _drawing = Task.Run(() => terminal.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            while (!_stop.IsCancellationRequested)
            {
                context.UpdateTarget(Render());
                try
                {
                    await Task.Delay(every, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            context.UpdateTarget(Render());
        }));
    }

    public static TerminalView Start(LiveOutputs outputs, TextWriter console) => new(outputs, console);

    private IRenderable Render()
    {
        var update = Volatile.Read(ref _update);
        var health = Volatile.Read(ref _health);
        var cue = Volatile.Read(ref _cue);
        var table = new Table().Border(TableBorder.Rounded).Title("MirrorSense live")
            .AddColumn("channel").AddColumn("index (50 = chance)").AddColumn("confidence").AddColumn("state").AddColumn("who leads");
        // Attention has its own line, and shared smiles a row only when the session reads faces.
        foreach (var channel in Enum.GetValues<LiveChannel>().Where(c => c != LiveChannel.Attention && (c != LiveChannel.Smiles || update?[c] is not null)))
        {
            var reading = update?[channel];
            table.AddRow(
                channel.ToString().ToLowerInvariant(),
                reading is null || double.IsNaN(reading.Index) ? "–" : $"{Bar(reading.Index)} {reading.Index:0}",
                reading is null ? "–" : $"{100 * reading.Confidence:0} %",
                reading is null ? "waiting" : State(reading.State),
                reading?.Leader is { } leader && double.IsFinite(reading.LagSeconds) ? $"{leader} by {Math.Abs(reading.LagSeconds):0.0} s" : "–");
        }

        var lines = new List<IRenderable> { table };
        if (update?.Conversation is { } talk)
        {
            lines.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"speaking: A {(talk.SpeakingA ? "[green]●[/]" : "○")}  B {(talk.SpeakingB ? "[green]●[/]" : "○")}   talk share A {(double.IsNaN(talk.TalkShareA) ? "–" : $"{100 * talk.TalkShareA:0} %")}   longest monologue {talk.LongestMonologue.TotalSeconds:0} s{(talk.LongestMonologueBy is { } by ? $" ({by})" : "")}   interruptions A {talk.InterruptionsA} / B {talk.InterruptionsB}   backchannels A {talk.BackchannelsA} / B {talk.BackchannelsB}")));
        }

        if (update?.Attention is { } attention)
        {
            string Looking(Participant who) => double.IsNaN(attention.LookingShare(who)) ? "–" : $"{100 * attention.LookingShare(who):0} %";
            lines.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"attention (last {attention.Span.TotalMinutes:0} min): looking at the partner A {Looking(Participant.A)} / B {Looking(Participant.B)}   nods while the partner spoke A {attention.NodsWhileListeningA} / B {attention.NodsWhileListeningB}")));
        }

        if (health is not null)
        {
            var sources = string.Join("   ", health.Sources.Select(s => $"{Markup.Escape(s.Name)}: {(s.Live ? "[green]live[/]" : $"[red]{Markup.Escape(s.Problem ?? "not live")}[/]")}"));
            lines.Add(new Markup(string.Create(CultureInfo.InvariantCulture,
                $"{sources}   frames {health.FramesCaptured}, dropped {health.FramesDropped}   pose latency {(double.IsNaN(health.PoseLatencyMs) ? "–" : $"{health.PoseLatencyMs:0} ms")}")));
        }

        if (cue is not null && update is not null && update.Time - cue.Time <= cue.ShowFor)
            lines.Add(new Panel(Markup.Escape(cue.Text)).Header("cue").BorderColor(Color.Yellow));
        return new Rows(lines);
    }

    private static string Bar(double index)
    {
        var filled = (int)Math.Round(Math.Clamp(index, 0, 100) / 5);
        return "[blue]" + new string('█', filled) + "[/]" + new string('·', 20 - filled);
    }

    private static string State(ChannelState state) => state switch
    {
        ChannelState.NoData => "no data",
        ChannelState.Calibrating => "learning",
        ChannelState.Low => "[yellow]low[/]",
        ChannelState.InBand => "in band",
        ChannelState.High => "[green]high[/]",
        ChannelState.Overshoot => "[red]too close a copy[/]",
        _ => state.ToString(),
    };

    public void Dispose()
    {
        _stop.Cancel();
        _drawing.Wait(TimeSpan.FromSeconds(2));
        _subscription.Dispose();
        _stop.Dispose();
    }
}
