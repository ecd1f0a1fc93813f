using System.Globalization;
using System.Xml;

namespace MirrorSense.Sessions.Elan;

/// <summary>
/// Writes ELAN annotation documents (EAF 3.0): header, the time slots every annotation refers to,
/// one time-alignable tier per <see cref="ElanTier"/> and the linguistic type they share, in the
/// element order the EAF schema requires.
/// </summary>
public static class ElanWriter
{
    public const string LinguisticType = "mirrorsense-episode";

    public static void Write(ElanDocument document, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in document.Tiers)
        {
            if (!ids.Add(tier.Id))
                throw new ArgumentException($"Two tiers are named '{tier.Id}'; ELAN needs unique tier ids.");
            foreach (var annotation in tier.Annotations)
                if (annotation.End < annotation.Start)
                    throw new ArgumentException($"Tier '{tier.Id}': an annotation ends ({annotation.End}) before it starts ({annotation.Start}).");
        }

        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("ANNOTATION_DOCUMENT");
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance", "http://www.mpi.nl/tools/elan/EAFv3.0.xsd");
        xml.WriteAttributeString("AUTHOR", document.Author);
        xml.WriteAttributeString("DATE", document.Created.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        xml.WriteAttributeString("FORMAT", "3.0");
        xml.WriteAttributeString("VERSION", "3.0");

        var annotations = document.Tiers.SelectMany(t => t.Annotations).ToArray();
        xml.WriteStartElement("HEADER");
        xml.WriteAttributeString("MEDIA_FILE", "");
        xml.WriteAttributeString("TIME_UNITS", "milliseconds");
        if (document.MediaFile is { } media)
        {
            xml.WriteStartElement("MEDIA_DESCRIPTOR");
            xml.WriteAttributeString("MEDIA_URL", Path.IsPathRooted(media) ? new Uri(media).AbsoluteUri : media);
            xml.WriteAttributeString("MIME_TYPE", MimeType(media));
            if (!Path.IsPathRooted(media))
                xml.WriteAttributeString("RELATIVE_MEDIA_URL", "./" + media.Replace('\\', '/'));
            xml.WriteEndElement();
        }

        xml.WriteStartElement("PROPERTY");
        xml.WriteAttributeString("NAME", "lastUsedAnnotationId");
        xml.WriteString(annotations.Length.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();

        // Two slots per annotation, numbered in tier order; ELAN accepts shared or separate slots.
        xml.WriteStartElement("TIME_ORDER");
        for (var i = 0; i < annotations.Length; i++)
        {
            TimeSlot(xml, 2 * i + 1, annotations[i].Start.Microseconds);
            TimeSlot(xml, 2 * i + 2, annotations[i].End.Microseconds);
        }

        xml.WriteEndElement();

        var index = 0;
        foreach (var tier in document.Tiers)
        {
            xml.WriteStartElement("TIER");
            xml.WriteAttributeString("LINGUISTIC_TYPE_REF", LinguisticType);
            if (tier.Participant is { } participant)
                xml.WriteAttributeString("PARTICIPANT", participant);
            xml.WriteAttributeString("TIER_ID", tier.Id);
            foreach (var annotation in tier.Annotations)
            {
                index++;
                xml.WriteStartElement("ANNOTATION");
                xml.WriteStartElement("ALIGNABLE_ANNOTATION");
                xml.WriteAttributeString("ANNOTATION_ID", $"a{index}");
                xml.WriteAttributeString("TIME_SLOT_REF1", $"ts{2 * index - 1}");
                xml.WriteAttributeString("TIME_SLOT_REF2", $"ts{2 * index}");
                xml.WriteElementString("ANNOTATION_VALUE", annotation.Value);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("LINGUISTIC_TYPE");
        xml.WriteAttributeString("GRAPHIC_REFERENCES", "false");
        xml.WriteAttributeString("LINGUISTIC_TYPE_ID", LinguisticType);
        xml.WriteAttributeString("TIME_ALIGNABLE", "true");
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void TimeSlot(XmlWriter xml, int number, long microseconds)
    {
        xml.WriteStartElement("TIME_SLOT");
        xml.WriteAttributeString("TIME_SLOT_ID", $"ts{number}");
        xml.WriteAttributeString("TIME_VALUE", Math.Round(microseconds / 1000.0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static string MimeType(string media) => Path.GetExtension(media).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => "video/mp4",
        ".avi" => "video/x-msvideo",
        ".mkv" => "video/x-matroska",
        ".mov" => "video/quicktime",
        ".wav" => "audio/x-wav",
        ".mp3" => "audio/mpeg",
        _ => "unknown",
    };
}
