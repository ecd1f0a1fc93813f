using System.Text.Json;
using System.Text.Json.Serialization;
using MirrorSense.Dashboard.Streaming;

namespace MirrorSense.Dashboard.Wire;

/// <summary>The page's JSON: snake_case names, generated serializers (no reflection at frame rate).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(UpdateMessage))]
[JsonSerializable(typeof(CueMessage))]
[JsonSerializable(typeof(PoseMessage))]
[JsonSerializable(typeof(FaceMessage))]
[JsonSerializable(typeof(HealthMessage))]
[JsonSerializable(typeof(EndedMessage))]
[JsonSerializable(typeof(ConsentStatus))]
[JsonSerializable(typeof(ConsentRequest))]
[JsonSerializable(typeof(int[][]))]
internal sealed partial class DashboardJson : JsonSerializerContext
{
    public static ServerSentEvent Event<T>(DashboardEventKind kind, T message) =>
        new(kind, JsonSerializer.SerializeToUtf8Bytes(message, typeof(T), Default));
}
