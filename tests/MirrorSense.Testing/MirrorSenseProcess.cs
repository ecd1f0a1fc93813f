using System.Diagnostics;

namespace MirrorSense.Testing;

/// <summary>What a run of the real <c>mirrorsense</c> program printed and returned.</summary>
public sealed record ProcessOutcome(int ExitCode, string Output, string Error);

/// <summary>Runs the built <c>mirrorsense</c> executable as a user would, in its own process.</summary>
public static class MirrorSenseProcess
{
    public static ProcessOutcome Run(params string[] arguments) => RunWith(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs it with these environment variables set (a null value removes the variable).</summary>
    public static ProcessOutcome RunWith(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunTyping(null, environment, arguments);

    /// <summary>Runs it with these environment variables set, <paramref name="typed"/> (when not null) on its standard input.</summary>
    public static ProcessOutcome RunTyping(string? typed, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = typed is not null,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mirrorsense.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start mirrorsense.");
        if (typed is not null)
        {
            process.StandardInput.Write(typed);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mirrorsense {string.Join(' ', arguments)} did not finish within five minutes.");
        }

        return new ProcessOutcome(process.ExitCode, output.Result, error.Result);
    }
}
