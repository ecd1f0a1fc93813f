using System.Xml.Linq;
using MirrorSense.Core;
using MirrorSense.Sessions.Elan;

namespace MirrorSense.Sessions.Tests.Elan;

public sealed class ElanWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Written_tiers_parse_back_with_the_structure_ELAN_requires()
    {
        // Given two measures with episodes
        var document = new ElanDocument(
        [
            new ElanTier("posture_mirroring", [Episode(1.5, 4.25, "A leads, 0.82"), Episode(10, 12.5, "B leads, 0.64")]),
            new ElanTier("gesture_synchrony", [Episode(3, 5, "0.41")]),
            new ElanTier("tone", []),
        ], Created, "session.mp4");

        // When written and parsed back
        var xml = Parse(document);
        var root = xml.Root!;

        // Then the root, header, time order, tiers and linguistic type are as EAF 3.0 has them
        Assert.Equal("ANNOTATION_DOCUMENT", root.Name.LocalName);
        Assert.Equal("3.0", (string?)root.Attribute("FORMAT"));
        Assert.Equal("2026-11-25T10:30:00+00:00", (string?)root.Attribute("DATE"));
        Assert.Equal(["HEADER", "TIME_ORDER", "TIER", "TIER", "TIER", "LINGUISTIC_TYPE"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("milliseconds", (string?)root.Element("HEADER")!.Attribute("TIME_UNITS"));
        Assert.Equal("./session.mp4", (string?)root.Element("HEADER")!.Element("MEDIA_DESCRIPTOR")!.Attribute("RELATIVE_MEDIA_URL"));

        var slots = root.Element("TIME_ORDER")!.Elements("TIME_SLOT").ToDictionary(s => (string)s.Attribute("TIME_SLOT_ID")!, s => (long)s.Attribute("TIME_VALUE")!);
        var tiers = root.Elements("TIER").ToArray();
        Assert.Equal(["posture_mirroring", "gesture_synchrony", "tone"], tiers.Select(t => (string?)t.Attribute("TIER_ID")));
        var linguisticType = (string?)root.Element("LINGUISTIC_TYPE")!.Attribute("LINGUISTIC_TYPE_ID");
        Assert.All(tiers, t => Assert.Equal(linguisticType, (string?)t.Attribute("LINGUISTIC_TYPE_REF")));

        var annotations = tiers.SelectMany(t => t.Elements("ANNOTATION").Select(a => a.Element("ALIGNABLE_ANNOTATION")!)).ToArray();
        Assert.Equal(3, annotations.Length);
        Assert.Equal(annotations.Length, annotations.Select(a => (string?)a.Attribute("ANNOTATION_ID")).Distinct().Count());
        var first = annotations[0];
        Assert.Equal(1500, slots[(string)first.Attribute("TIME_SLOT_REF1")!]);
        Assert.Equal(4250, slots[(string)first.Attribute("TIME_SLOT_REF2")!]);
        Assert.Equal("A leads, 0.82", (string?)first.Element("ANNOTATION_VALUE"));
        Assert.All(annotations, a => Assert.True(slots[(string)a.Attribute("TIME_SLOT_REF1")!] <= slots[(string)a.Attribute("TIME_SLOT_REF2")!]));
        Assert.Equal("3", root.Element("HEADER")!.Element("PROPERTY")!.Value);
    }

    [Fact]
    public void The_same_document_is_written_byte_for_byte_the_same()
    {
        var document = new ElanDocument([new ElanTier("posture_mirroring", [Episode(0, 1, "x")])], Created);

        Assert.Equal(Text(document), Text(document));
    }

    [Fact]
    public void Duplicate_tier_names_are_refused()
    {
        var document = new ElanDocument([new ElanTier("tone", []), new ElanTier("tone", [])], Created);

        Assert.Throws<ArgumentException>(() => Text(document));
    }

    private static ElanAnnotation Episode(double start, double end, string value) =>
        new(MediaTime.FromSeconds(start), MediaTime.FromSeconds(end), value);

    private static string Text(ElanDocument document)
    {
        using var writer = new StringWriter();
        ElanWriter.Write(document, writer);
        return writer.ToString();
    }

    private static XDocument Parse(ElanDocument document) => XDocument.Parse(Text(document));
}
