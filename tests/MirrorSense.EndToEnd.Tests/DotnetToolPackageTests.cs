using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using MirrorSense.Fixtures;
using MirrorSense.Testing;
using Xunit.Abstractions;

namespace MirrorSense.EndToEnd.Tests;

/// <summary>
/// Issue 17: <c>tools/pack.sh</c> makes a .NET tool that installs from a local folder and runs the bundled demo with the
/// models and demo session it carries. Installed into a temporary tool path, so the machine's global tools are untouched.
/// </summary>
public sealed class DotnetToolPackageTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new("mirrorsense-tool-");

    [SkippableFact]
    public void The_packed_tool_installs_from_a_local_folder_without_prerelease_and_runs_the_demo()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The tool package is built for linux-x64 only (no OpenCV runtime package for other platforms).");
        var packages = _folder.Combine("packages");
        var tools = _folder.Combine("tools");
        var clock = Stopwatch.StartNew();

        // Given the tool packed into an empty folder
        output.WriteLine(ChildProgram.Output("bash", Path.Combine(RepositoryRoot(), "tools", "pack.sh"), "--tool-only", packages));
        output.WriteLine($"packed in {clock.Elapsed.TotalSeconds:0} s");
        var pointer = Assert.Single(Directory.GetFiles(packages, "MirrorSense.*.nupkg"), p => !Path.GetFileName(p).StartsWith("MirrorSense.linux-x64.", StringComparison.Ordinal));
        var version = Path.GetFileNameWithoutExtension(pointer)["MirrorSense.".Length..];
        Assert.DoesNotContain('-', version);
        var linux = Path.Combine(packages, $"MirrorSense.linux-x64.{version}.nupkg");
        output.WriteLine($"{Path.GetFileName(linux)}: {new FileInfo(linux).Length / 1e6:0.0} MB");
        using (var package = ZipFile.OpenRead(linux))
        {
            var names = package.Entries.Select(e => e.FullName).ToHashSet();
            foreach (var carried in new[] { "models/pose_detection.onnx", "models/pose_landmark_lite.onnx", "models/pose_landmark_full.onnx", "demo/session.mp4", "mirrorsense" })
                Assert.Contains($"tools/net10.0/linux-x64/{carried}", names);
        }

        // When it is installed from that folder, as a release (no --prerelease), into a tool path of its own
        clock.Restart();
        var install = ChildProgram.Output("dotnet", "tool", "install", "--tool-path", tools, "--add-source", packages, "MirrorSense");
        output.WriteLine($"{install} ({clock.Elapsed.TotalSeconds:0} s)");
        var mirrorsense = Path.Combine(tools, "mirrorsense");

        // Then it names its version
        Assert.StartsWith(version, ChildProgram.Output(mirrorsense, "--version"), StringComparison.Ordinal);

        // And it finds its models inside the installed package, not in a source checkout or $MIRRORSENSE_MODELS
        var models = ChildProgram.Output("env", "-u", "MIRRORSENSE_MODELS", mirrorsense, "models");
        Assert.Contains(Path.Combine(tools, ".store"), models.Split('\n')[0]);
        Assert.Contains("(beside the program)", models.Split('\n')[0]);

        // And the demo runs and finds what the demo session was built with: B mirrors A's lean one second later
        clock.Restart();
        var results = _folder.Combine("demo-output");
        output.WriteLine(ChildProgram.Output("env", "-u", "MIRRORSENSE_MODELS", mirrorsense, "demo", "--out", results));
        output.WriteLine($"demo ran in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(File.Exists(Path.Combine(results, "report.html")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        var posture = summary.RootElement.GetProperty("measures").GetProperty("posture_mirroring");
        Assert.Equal("A", posture.GetProperty("leader").GetString());
        Assert.InRange(posture.GetProperty("best_lag_s").GetDouble(), 0.5, 1.5);
    }

    public void Dispose() => _folder.Dispose();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tools", "pack.sh")))
                return folder.FullName;
        }

        throw new DirectoryNotFoundException($"No tools/pack.sh above {AppContext.BaseDirectory}.");
    }
}
