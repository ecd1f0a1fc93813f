using System.Net;
using System.Text;

namespace MirrorSense.Report;

/// <summary>
/// Builds one self-contained HTML page: inline styles, images as data URIs, every text HTML-encoded.
/// Nothing on the page refers to another file or to the network.
/// </summary>
internal sealed class ReportPage(string title)
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 16px; line-height: 1.45; max-width: 1160px; margin: 24px auto; padding: 0 16px; color: #222; }
        h1 { font-size: 28px; } h2 { font-size: 22px; margin-top: 36px; border-bottom: 1px solid #ccc; } h3 { font-size: 18px; }
        table { border-collapse: collapse; width: 100%; font-size: 15px; }
        th, td { border: 1px solid #ccc; padding: 6px 8px; vertical-align: top; text-align: left; }
        th { background: #f2f2f2; } td.num { text-align: right; white-space: nowrap; }
        p.note { color: #444; font-size: 15px; } figure { margin: 16px 0; } img { max-width: 100%; }
        figcaption { font-size: 14px; color: #555; }
        """;

    private readonly StringBuilder _body = new();
    private int _figures;

    public void Heading(int level, string text) => _body.Append($"<h{level}>{Encode(text)}</h{level}>\n");

    public void Paragraph(string text) => _body.Append($"<p>{Encode(text)}</p>\n");

    public void Note(string text) => _body.Append($"<p class=\"note\">{Encode(text)}</p>\n");

    public void List(string? caption, IReadOnlyList<string> items)
    {
        if (caption is not null)
            _body.Append($"<p>{Encode(caption)}:</p>\n");
        _body.Append("<ul>\n");
        foreach (var item in items)
            _body.Append($"<li>{Encode(item)}</li>\n");
        _body.Append("</ul>\n");
    }

    /// <summary>A table; cells that read as numbers are right-aligned.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        _body.Append("<table>\n<thead><tr>");
        foreach (var name in header)
            _body.Append($"<th>{Encode(name)}</th>");
        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
                _body.Append(double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                    ? $"<td class=\"num\">{Encode(cell)}</td>"
                    : $"<td>{Encode(cell)}</td>");
            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table>\n");
    }

    /// <summary>An embedded PNG with a caption.</summary>
    public void Figure(byte[] png, string caption)
    {
        _figures++;
        _body.Append($"<figure><img alt=\"{Encode(caption)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">"
            + $"<figcaption>Figure {_figures}. {Encode(caption)}</figcaption></figure>\n");
    }

    public string ToHtml() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{Encode(title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
