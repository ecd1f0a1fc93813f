using System.Text;

namespace MirrorSense.Cli;

/// <summary>Writes a file through a temporary one beside it, so a crash never leaves a half-written table behind.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<TextWriter> write)
    {
        var temporary = path + ".partial";
        using (var writer = new StreamWriter(temporary, append: false, Utf8))
            write(writer);
        File.Move(temporary, path, overwrite: true);
    }
}
