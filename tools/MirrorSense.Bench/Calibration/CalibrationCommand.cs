using System.Diagnostics;

namespace MirrorSense.Bench.Calibration;

/// <summary>
/// <c>calibration</c>: builds null and effect sessions of every corpus, runs the product's measures on them and
/// prints per measure the false-positive rate at α = .05 and the power on each designed effect (ISSUE 12).
/// </summary>
public static class CalibrationCommand
{
    private const string Usage = """
        usage: MirrorSense.Bench calibration [--sessions N] [--seed S] [--only NAME[,NAME]] [--csv FILE] [--work DIR]
                                             [--mirrorsense PATH] [--sheet PATH] [--voice-null-seconds MIN-MAX]
                                             [--voice-effect-seconds S] [--kinds TEXT[,TEXT]]

          --sessions N   sessions per kind of null and effect (default 40; the issue asks for >= 40 per kind)
          --seed S       first seed (default 1); the same seed rebuilds the same sessions
          --only NAMES   run only these corpora (comma-separated)
          --kinds TEXTS  run only the kinds whose name contains one of these (e.g. effect:range, null:shared);
                         a pseudo-dyad kind runs only with the nulls it pairs
          --csv FILE     also write every outcome (one row per session and measure) to FILE
          --work DIR     scratch folder for media and caches (default: a new temporary folder, deleted afterwards);
                         a kept folder makes later runs reuse each session's pose analysis
          --mirrorsense PATH  the published CLI the body corpus runs (default .build/mirrorsense/mirrorsense)
          --sheet PATH   the photo sheet of @vladmandic/human@3.3.6 (assets/samples.jpg; default: the tests' npm cache)
          --voice-null-seconds MIN-MAX  lengths of the voice corpus's null sessions (default 60-600; e.g. 30-180 for
                         short sessions; the effects stay 3 min)
          --voice-effect-seconds S  length of the voice corpus's designed effects (default 180): how power grows
                         with the length of a session
        """;

    /// <summary>Every corpus the harness knows, in the order they run.</summary>
    private static IReadOnlyList<ICalibrationCorpus> Corpora(string mirrorsense, string sheet) =>
    [
        new BodyCorpus(mirrorsense, sheet),
        new VoiceCorpus(),
        new FaceCorpus(),
        new ProximityCorpus(),
    ];

    public static int Run(string[] args)
    {
        int sessions = 40, seed = 1;
        string? only = null, csv = null, work = null;
        IReadOnlyList<string>? kinds = null;
        (double Shortest, double Longest)? voiceNullSeconds = null;
        double? voiceEffectSeconds = null;
        var mirrorsense = ".build/mirrorsense/mirrorsense";
        var sheet = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache/mirrorsense/npm/vladmandic-human-3.3.6/assets/samples.jpg");
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--sessions": sessions = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--seed": seed = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                    case "--only": only = Value(); break;
                    case "--kinds": kinds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                    case "--csv": csv = Value(); break;
                    case "--work": work = Value(); break;
                    case "--mirrorsense": mirrorsense = Value(); break;
                    case "--sheet": sheet = Value(); break;
                    case "--voice-null-seconds": voiceNullSeconds = SecondsRange(Value()); break;
                    case "--voice-effect-seconds": voiceEffectSeconds = EffectSeconds(Value()); break;
                    case "-h" or "--help": Console.WriteLine(Usage); return 0;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
            {
                Console.Error.WriteLine($"calibration: {error.Message}");
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        var corpora = Corpora(Path.GetFullPath(mirrorsense), sheet);
        if (only is not null)
        {
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => corpora.All(c => c.Name != n)).ToArray();
            if (unknown.Length > 0)
            {
                Console.Error.WriteLine($"calibration: no corpus named {string.Join(", ", unknown)} (there are: {string.Join(", ", corpora.Select(c => c.Name))})");
                return 2;
            }

            corpora = [.. corpora.Where(c => names.Contains(c.Name))];
        }

        var scratch = work ?? Directory.CreateTempSubdirectory("mirrorsense-calibration-").FullName;
        Directory.CreateDirectory(scratch);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        var outcomes = new List<CalibrationOutcome>();
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var corpus in corpora)
            {
                var plan = new CalibrationPlan(sessions, seed, Path.Combine(scratch, corpus.Name), voiceNullSeconds, kinds, voiceEffectSeconds);
                Directory.CreateDirectory(plan.WorkFolder);
                Console.Error.WriteLine($"calibration: {corpus.Name}, {sessions} sessions per kind");
                foreach (var outcome in corpus.Run(plan, Console.Error, cancel.Token))
                    outcomes.Add(outcome);
            }
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"calibration: {error.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("calibration: cancelled; the table below holds the sessions finished so far");
        }
        finally
        {
            if (work is null)
                Directory.Delete(scratch, recursive: true);
        }

        if (csv is not null)
        {
            using var writer = new StreamWriter(csv);
            CalibrationTable.WriteCsv(outcomes, writer);
        }

        Console.WriteLine($"Calibration: seed {seed}, {sessions} sessions per kind, {clock.Elapsed.TotalMinutes:0.0} min");
        Console.WriteLine();
        CalibrationTable.Write(outcomes, Console.Out);
        return 0;
    }

    /// <summary>"MIN-MAX" in seconds, MIN at least 10 and below MAX.</summary>
    private static (double Shortest, double Longest) SecondsRange(string text)
    {
        var parts = text.Split('-');
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (parts.Length == 2 && double.TryParse(parts[0], culture, out var shortest) && double.TryParse(parts[1], culture, out var longest) && shortest >= 10 && longest > shortest)
            return (shortest, longest);
        throw new ArgumentException($"--voice-null-seconds expects MIN-MAX in seconds with 10 <= MIN < MAX (e.g. 30-180), not '{text}'");
    }

    private static double EffectSeconds(string text) =>
        double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 30
            ? seconds
            : throw new ArgumentException($"--voice-effect-seconds expects a length in seconds of at least 30 (e.g. 360), not '{text}'");
}
