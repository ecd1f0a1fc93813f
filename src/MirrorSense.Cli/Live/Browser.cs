using System.Diagnostics;

namespace MirrorSense.Cli.Live;

/// <summary>Opens the live page in the user's browser; when that is not possible, says where it is.</summary>
internal static class Browser
{
    public static void TryOpen(Uri address, TextWriter console)
    {
        var (program, arguments) = OperatingSystem.IsWindows() ? ("cmd", new[] { "/c", "start", "", address.ToString() })
            : OperatingSystem.IsMacOS() ? ("open", new[] { address.ToString() })
            : ("xdg-open", new[] { address.ToString() });
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            console.WriteLine($"No browser could be opened here; open {address} yourself.");
        }
    }
}
