namespace MirrorSense.Vision.Models;

/// <summary>
/// A folder that may hold the models, and why it was looked at. The search order: an explicit folder
/// (alone, when given); else $MIRRORSENSE_MODELS; else `models/` beside the program (the build copies
/// them there); else the nearest `models/` above it (running from a source checkout).
/// </summary>
public sealed record ModelsFolder(string Path, string Reason)
{
    public const string EnvironmentVariable = "MIRRORSENSE_MODELS";

    /// <summary>The folders to look in, in order.</summary>
    public static IReadOnlyList<ModelsFolder> Candidates(string? explicitFolder)
    {
        if (explicitFolder is not null)
            return [new(System.IO.Path.GetFullPath(explicitFolder), "given explicitly")];
        var candidates = new List<ModelsFolder>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            candidates.Add(new(System.IO.Path.GetFullPath(configured), $"from ${EnvironmentVariable}"));
        var program = new DirectoryInfo(AppContext.BaseDirectory);
        candidates.Add(new(System.IO.Path.Combine(program.FullName, "models"), "beside the program"));
        for (var dir = program.Parent; dir is not null; dir = dir.Parent)
            candidates.Add(new(System.IO.Path.Combine(dir.FullName, "models"), "above the program (a source checkout)"));
        return candidates;
    }

    /// <summary>The first candidate holding all of <paramref name="files"/>, or null.</summary>
    public static ModelsFolder? FindWith(string? explicitFolder, params string[] files) =>
        Candidates(explicitFolder).FirstOrDefault(c => files.All(f => File.Exists(System.IO.Path.Combine(c.Path, f))));

    /// <summary>For people: where the search looked.</summary>
    public static string DescribeSearch(string? explicitFolder) => explicitFolder is not null
        ? System.IO.Path.GetFullPath(explicitFolder)
        : $"${EnvironmentVariable}, nor in a models/ folder beside or above {AppContext.BaseDirectory}";

    public string Combine(string file) => System.IO.Path.Combine(Path, file);
}
