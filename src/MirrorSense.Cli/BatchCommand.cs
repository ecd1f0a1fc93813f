using System.CommandLine;
using MirrorSense.Sessions.Analysis;
using MirrorSense.Sessions.Batch;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense batch</c>: <c>analyze</c> over the sessions of a manifest, resumable and splittable into shards for a cluster.</summary>
internal static class BatchCommand
{
    public const int ExitOk = 0;
    public const int ExitSomeFailed = 1;
    public const int ExitUsage = 2;
    public const int ExitCancelled = 130;

    public static Command Create()
    {
        var manifest = new Argument<string>("manifest") { Description = "CSV with a header: id (required) and any of " + string.Join(", ", BatchManifestReader.InputColumns) + "." };
        var output = new Option<string>("--out") { Description = "Folder for the results: one folder per session id, batch.csv and measures.csv.", Required = true };
        var shard = new Option<string?>("--shard") { Description = "Process only part i of N (1-based): the rows whose 0-based position mod N is i − 1." };
        var jobs = new Option<int>("--jobs") { Description = "How many sessions to analyse at once (pose already uses two cores per session).", DefaultValueFactory = _ => 1 };
        var config = new Option<string?>("--config") { Description = "A JSON file with measures' parameters, for every session (see `mirrorsense analyze --print-config`)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of every surrogate test, for every session (default 1, or the config's)." };
        var model = new Option<string>("--model") { Description = "Landmark model: lite (faster) or full (steadier).", DefaultValueFactory = _ => "lite" };
        model.AcceptOnlyFromAmong("lite", "full");
        var landmarkEvery = LandmarkEveryOption.Create();
        var combineOnly = new Option<bool>("--combine-only") { Description = "Analyse nothing: rebuild measures.csv from the summary.json files in --out (after all shards have finished)." };
        var command = new Command("batch", """
            Runs `mirrorsense analyze` on every session of a manifest, each into --out DIR/<id>/.

            The manifest is CSV with a header line: id (unique; letters, digits, '.', '_', '-') and any of
            video, video_a, video_b, pose, audio, audio_a, audio_b, no_audio (true/false), start, end, av_offset
            (seconds), swap (true/false), as analyze's options of the same names. Relative paths are read from the
            manifest's folder.

            Resumable: a session whose DIR/<id>/summary.json says complete is skipped. A session that fails is
            recorded in DIR/batch.csv (id,status,exit_code,message,seconds) and the others go on. At the end,
            DIR/measures.csv has one row per session × measure (id,measure,value,p_value,p_adjusted,significant,
            best_lag_s,leader,lag_at_edge,mirrored_similarity,anatomical_similarity,complete); p_adjusted is Holm's
            across the session's measures.

            Shards: --shard i/N writes batch-i-of-N.csv and measures-i-of-N.csv instead, so the shards of a job array
            can share DIR; afterwards `mirrorsense batch manifest.csv --out DIR --combine-only` builds measures.csv.

            Examples:
              mirrorsense batch sessions.csv --out results/
              mirrorsense batch sessions.csv --out results/ --shard 3/8 --seed 7
              mirrorsense batch sessions.csv --out results/ --combine-only

            Exit codes: 0 every session done or skipped; 1 some session failed (see batch.csv); 2 usage error or
            unusable manifest (nothing was run); 130 stopped with Ctrl+C (tables cover what was done).
            """)
        {
            manifest, output, shard, jobs, config, seed, model, landmarkEvery, combineOnly,
        };

        command.SetAction((parse, cancellation) =>
        {
            BatchRequest request;
            try
            {
                var part = Shard.All;
                if (parse.GetValue(shard) is { } text)
                    part = Shard.TryParse(text, out var problem) ?? throw new UsageException($"--shard: {problem}");
                var parallel = parse.GetValue(jobs);
                if (parallel < 1)
                    throw new UsageException($"--jobs must be 1 or more; got {parallel}.");
                var settings = parse.GetValue(config) is { } path ? CoordinationSettingsJson.Read(path) : new CoordinationSettings();
                if (parse.GetValue(seed) is { } chosen)
                    settings = settings.WithSeed(chosen);
                request = new BatchRequest(
                    BatchManifestReader.Read(parse.GetValue(manifest)!),
                    parse.GetValue(output)!,
                    part,
                    parallel,
                    settings,
                    new PoseOptions(
                        Model: parse.GetValue(model) == "full" ? LandmarkModelKind.Full : LandmarkModelKind.Lite,
                        LandmarkEvery: LandmarkEveryOption.Checked(parse.GetValue(landmarkEvery))));
            }
            catch (Exception error) when (error is UsageException or ManifestFormatException or SettingsFileException)
            {
                Console.Error.WriteLine($"mirrorsense batch: {error.Message}");
                return Task.FromResult(ExitUsage);
            }

            return Task.FromResult(parse.GetValue(combineOnly) ? Combine(request) : Run(request, cancellation));
        });
        return command;
    }

    private static int Run(BatchRequest request, CancellationToken cancellation)
    {
        BatchOutcome outcome;
        try
        {
            outcome = new BatchRun(request, Console.Error).Run(cancellation);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"mirrorsense batch: {error.Message}");
            return ExitSomeFailed;
        }

        var counts = string.Join(", ", outcome.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        Console.WriteLine($"{outcome.Results.Count} session(s): {counts}; {request.StatusPath}, {request.MeasuresPath}");
        return outcome.Cancelled ? ExitCancelled : outcome.AnyFailed ? ExitSomeFailed : ExitOk;
    }

    private static int Combine(BatchRequest request)
    {
        var whole = request with { Shard = Shard.All };
        try
        {
            var found = BatchRun.WriteMeasures(whole, whole.Sessions);
            var sessions = whole.Manifest.Sessions.Count;
            Console.WriteLine($"{whole.MeasuresPath}: {found} of {sessions} session(s) have a summary.json.");
            if (found < sessions)
                Console.Error.WriteLine($"note: {sessions - found} session(s) have no results yet: {string.Join(", ", whole.Sessions.Where(s => !File.Exists(whole.SummaryPath(s.Id))).Select(s => s.Id).Take(20))}");
            return ExitOk;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"mirrorsense batch: {error.Message}");
            return ExitSomeFailed;
        }
    }
}
