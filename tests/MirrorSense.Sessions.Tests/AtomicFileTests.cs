using MirrorSense.Testing;

namespace MirrorSense.Sessions.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void A_writer_that_fails_leaves_the_old_file_as_it_was_and_no_partial_file()
    {
        // Given a table written once
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "table.csv");
        AtomicFile.Write(path, writer => writer.Write("old"));

        // When a second writer fails half way
        Assert.Throws<ArgumentException>(() => AtomicFile.Write(path, writer =>
        {
            writer.Write("half of the new");
            throw new ArgumentException("cannot go on");
        }));

        // Then the old table is whole and nothing else is in the folder
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }
}
