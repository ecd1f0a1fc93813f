using System.Text;

namespace MirrorSense.Sessions;

/// <summary>Writes a file through a temporary one beside it, so a crash never leaves a half-written file behind.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = path + ".partial";
        try
        {
            using var writer = new StreamWriter(temporary, append: false, Utf8);
            write(writer);
        }
        catch
        {
            // A writer that gave up leaves nothing behind, not even its partial file.
            File.Delete(temporary);
            throw;
        }

        // A rename within one folder replaces the old file in one step: a reader sees the old or the new one, never half.
        File.Move(temporary, path, overwrite: true);
    }
}
