using MirrorSense.Sessions.Synchrony;
using Spectre.Console;

namespace MirrorSense.Cli;

/// <summary>A progress bar on standard error while long work runs, only when a person is watching.</summary>
internal static class ConsoleProgress
{
    public static T Show<T>(bool worthShowing, Func<IProgress<SyncProgress>?, T> work)
    {
        if (!worthShowing || Console.IsErrorRedirected)
            return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask("sync", maxValue: 1);
                return work(new Progress(task));
            });
    }

    /// <summary>A bar for work measured as a fraction done (0–1), e.g. seconds of audio analysed.</summary>
    public static T ShowFraction<T>(bool worthShowing, string label, Func<IProgress<double>?, T> work)
    {
        if (!worthShowing || Console.IsErrorRedirected)
            return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                return work(new FractionProgress(task));
            });
    }

    private sealed class FractionProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }

    private sealed class Progress(ProgressTask task) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            task.Description = Markup.Escape(value.Current);
        }
    }
}
