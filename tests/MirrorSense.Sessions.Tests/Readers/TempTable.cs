namespace MirrorSense.Sessions.Tests.Readers;

/// <summary>A table file with the given name and text in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempTable : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("mirrorsense-readers-").FullName;

    public TempTable(string fileName, string text)
    {
        Path = System.IO.Path.Combine(folder, fileName);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
