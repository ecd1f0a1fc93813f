using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

using Xunit;

namespace MirrorSense.Testing;

/// <summary>
/// npm packages the tests read (never committed; shared by the test projects that need real photos): fetched once with `npm pack` into a cache folder
/// (MIRRORSENSE_NPM_CACHE, else ~/.cache/mirrorsense/npm, else the temp folder) and unpacked beside
/// the tarball. A test that needs one skips, saying why, when it cannot be had.
/// </summary>
public static class NpmTestPackages
{
    public const string Pose = "@mediapipe/pose@0.5.1675469404";
    public const string Human = "@vladmandic/human@3.3.6";
    public const string FaceMesh = "@mediapipe/face_mesh@0.4.1657299874";

    /// <summary>face-api's demo photos (demo/sample1..6.jpg, 1920 px wide, MIT): people whose faces fill a webcam-like share of the frame.</summary>
    public const string FaceApi = "@vladmandic/face-api@1.7.15";

    private static readonly Lock Gate = new();

    public static string CacheFolder
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MIRRORSENSE_NPM_CACHE");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured;
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home)
                ? Path.Combine(Path.GetTempPath(), "mirrorsense-npm")
                : Path.Combine(home, ".cache", "mirrorsense", "npm");
        }
    }

    /// <summary>The tarball of <paramref name="spec"/> (name@version), fetching it if needed; skips the test when npm cannot.</summary>
    public static string Tarball(string spec)
    {
        lock (Gate)
        {
            var folder = CacheFolder;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, TarballName(spec));
            if (!System.IO.File.Exists(path))
            {
                var error = Fetch(spec, folder);
                Skip.If(error is not null, $"{spec} is not in {folder} and `npm pack` failed: {error}");
            }

            return path;
        }
    }

    /// <summary>A file of the package on disk (for readers that need a path), unpacked from the tarball once.</summary>
    public static string File(string spec, string relativePath)
    {
        var tarball = Tarball(spec);
        lock (Gate)
        {
            var target = Path.Combine(Path.ChangeExtension(tarball, null), relativePath);
            if (!System.IO.File.Exists(target))
            {
                Extract(tarball, relativePath, target);
            }

            return target;
        }
    }

    private static string TarballName(string spec)
    {
        // npm's own naming: "@scope/name@1.2.3" → "scope-name-1.2.3.tgz".
        var at = spec.LastIndexOf('@');
        return $"{spec[..at].TrimStart('@').Replace('/', '-')}-{spec[(at + 1)..]}.tgz";
    }

    private static string? Fetch(string spec, string folder)
    {
        try
        {
            var start = new ProcessStartInfo("npm", ["pack", spec, "--pack-destination", folder])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var npm = Process.Start(start)!;
            var stderr = npm.StandardError.ReadToEndAsync();
            npm.StandardOutput.ReadToEnd();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                npm.Kill();
                return "timed out after 5 minutes";
            }

            return npm.ExitCode == 0 && System.IO.File.Exists(Path.Combine(folder, TarballName(spec)))
                ? null
                : $"exit code {npm.ExitCode}: {stderr.Result.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return $"npm is not installed ({error.Message})";
        }
    }

    private static void Extract(string tarball, string relativePath, string target)
    {
        using var gzip = new GZipStream(System.IO.File.OpenRead(tarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == $"package/{relativePath}" && entry.DataStream is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var partial = target + ".partial";
                using (var file = System.IO.File.Create(partial))
                {
                    entry.DataStream.CopyTo(file);
                }

                System.IO.File.Move(partial, target, overwrite: true);
                return;
            }
        }

        throw new FileNotFoundException($"{tarball} has no package/{relativePath}.");
    }
}
