using System.Collections.Frozen;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MirrorSense.Core;
using MirrorSense.Dashboard.Wire;
using Microsoft.AspNetCore.Http;

namespace MirrorSense.Dashboard.Http;

/// <summary>
/// The page and its assets, read once from the assembly's embedded resources and served from memory. The page
/// is rendered once with the title, whether cues are shown and the skeleton's bones (Core's list, so the drawing
/// never drifts from the schema). The content security policy keeps everything on this server: no CDN, no fonts.
/// </summary>
internal sealed class PageAssets
{
    private const string ResourcePrefix = "page/";
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary();

    private readonly byte[] _index;
    private readonly FrozenDictionary<string, (byte[] Bytes, string ContentType)> _assets;

    public PageAssets(DashboardOptions options)
    {
        var assembly = typeof(PageAssets).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..], n => Read(assembly, n));
        if (!resources.TryGetValue("index.html", out var index))
            throw new InvalidOperationException("The dashboard page is missing from the assembly's resources.");

        int[][] bones = [.. Skeleton.Bones.Select(b => new[] { b.From, b.To })];
        var attribute = HtmlEncoder.Default;
        _index = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(index)
            .Replace("{{title}}", attribute.Encode(options.Title), StringComparison.Ordinal)
            .Replace("{{cues}}", options.Cues ? "on" : "off", StringComparison.Ordinal)
            .Replace("{{bones}}", attribute.Encode(JsonSerializer.Serialize(bones, DashboardJson.Default.Int32ArrayArray)), StringComparison.Ordinal));
        _assets = resources
            .Where(r => r.Key != "index.html")
            .ToFrozenDictionary(r => r.Key, r => (r.Value, ContentTypes[Path.GetExtension(r.Key)]));
    }

    public Task IndexAsync(HttpContext context) => Send(context, _index, ContentTypes[".html"]);

    /// <summary>GET /assets/{name}: only names the assembly embeds exist; anything else is 404.</summary>
    public Task AssetAsync(HttpContext context)
    {
        var name = context.Request.RouteValues["name"] as string;
        if (name is null || !_assets.TryGetValue(name, out var asset))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return Send(context, asset.Bytes, asset.ContentType);
    }

    private static Task Send(HttpContext context, byte[] bytes, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    private static byte[] Read(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' could not be opened.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
