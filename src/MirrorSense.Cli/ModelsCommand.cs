using System.CommandLine;
using System.Globalization;
using MirrorSense.Vision.Models;

namespace MirrorSense.Cli;

/// <summary><c>mirrorsense models</c>: which ONNX models the program loads, where they were found, and whether each is the one MODELS.md names.</summary>
internal static class ModelsCommand
{
    public const int ExitOk = 0;
    public const int ExitNotVerified = 1;

    private const string Rebuild = "Rebuild the models with tools/models.sh (from a source checkout; it runs `npm pack` and the converter and checks every sha256), or point --models at a folder that has the right ones.";

    public static Command Create()
    {
        var folder = new Option<string?>("--models")
        {
            Description = $"Check this folder instead of searching (${ModelsFolder.EnvironmentVariable}, then models/ beside the program, then the nearest models/ above it).",
            HelpName = "DIR",
        };

        var command = new Command("models", $"""
            Lists every model MirrorSense loads (the BlazePose person detector and the lite and full landmark
            models) and verifies each: present, sha256 equal to the one in models/MODELS.md (built into this
            program), and loadable by ONNX Runtime, whose input and output names and shapes are shown.

            Where the models are looked for, first match wins:
              1. --models DIR (only there)
              2. ${ModelsFolder.EnvironmentVariable}
              3. models/ beside the program (the build copies them there)
              4. the nearest models/ above the program (running from a source checkout)

            Examples:
              mirrorsense models
              mirrorsense models --models ~/mirrorsense-models

            A model that is missing or whose sha256 differs is rebuilt by tools/models.sh (in a source
            checkout: it runs `npm pack` on @mediapipe/pose, converts with tools/MirrorSense.ModelConverter
            and checks every sha256); or point --models at a folder that has the right files.

            Exit codes: 0 every model verified; 1 a model is missing, unreadable or not the expected file
            (the message names it), or no models folder was found.
            """)
        {
            folder,
        };

        command.SetAction(parse => Run(parse.GetValue(folder)));
        return command;
    }

    private static int Run(string? explicitFolder)
    {
        var found = FindFolder(explicitFolder);
        if (found is null)
            return ExitNotVerified;

        Console.WriteLine($"Models folder: {found.Path} ({(explicitFolder is null ? found.Reason : "--models")})");
        Console.WriteLine("Checksums: models/MODELS.md as built into this program");
        var checks = ModelVerifier.Check(found.Path, ModelManifest.BuiltIn);
        foreach (var check in checks)
            Print(check);

        var failed = checks.Where(c => c.Status != ModelStatus.Verified).ToList();
        Console.WriteLine();
        if (failed.Count == 0)
        {
            Console.WriteLine($"All {checks.Count} models verified.");
            return ExitOk;
        }

        Console.WriteLine($"{checks.Count - failed.Count} of {checks.Count} models verified.");
        foreach (var check in failed)
            Console.Error.WriteLine($"mirrorsense models: {check.Problem}");
        Console.Error.WriteLine(Rebuild);
        return ExitNotVerified;
    }

    private static ModelsFolder? FindFolder(string? explicitFolder)
    {
        var candidates = ModelsFolder.Candidates(explicitFolder);
        if (explicitFolder is not null)
        {
            var given = candidates[0];
            if (Directory.Exists(given.Path))
                return given;
            Console.Error.WriteLine($"mirrorsense models: the models folder '{given.Path}' (--models) does not exist.");
            return null;
        }

        // The first folder holding any of the models: a folder with some missing is reported file by file.
        var found = candidates.FirstOrDefault(c => ModelCatalog.All.Any(m => File.Exists(c.Combine(m.File))));
        if (found is null)
        {
            Console.Error.WriteLine($"mirrorsense models: no models folder found. Looked in: {string.Join(", ", candidates.Select(c => c.Path))}.");
            Console.Error.WriteLine(Rebuild);
        }

        return found;
    }

    private static void Print(ModelCheck check)
    {
        Console.WriteLine();
        Console.WriteLine($"{check.Model.File}: {check.Model.Role}");
        if (check.Bytes is not { } bytes)
        {
            Console.WriteLine($"  {Label(check.Status)}");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  size    {bytes / 1e6:0.0} MB ({bytes:N0} bytes)"));
        Console.WriteLine($"  sha256  {check.Sha256}  {Label(check.Status)}");
        if (check.Status == ModelStatus.ChecksumDiffers)
            Console.WriteLine($"  wanted  {check.ExpectedSha256}");
        var width = check.Inputs.Concat(check.Outputs).Select(t => t.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var input in check.Inputs)
            Console.WriteLine($"  input   {input.Name.PadRight(width)}  {input.Describe()}");
        foreach (var output in check.Outputs)
            Console.WriteLine($"  output  {output.Name.PadRight(width)}  {output.Describe()}");
    }

    private static string Label(ModelStatus status) => status switch
    {
        ModelStatus.Verified => "verified",
        ModelStatus.Missing => "MISSING",
        ModelStatus.Unreadable => "UNREADABLE",
        ModelStatus.ChecksumDiffers => "SHA256 DIFFERS",
        ModelStatus.NotInManifest => "NOT IN MODELS.md",
        _ => status.ToString(),
    };
}
