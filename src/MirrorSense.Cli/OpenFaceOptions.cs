using System.CommandLine;
using MirrorSense.Sessions.OpenFace;
using MirrorSense.Sessions.Readers;
using MirrorSense.Synchrony.Features.Face;

namespace MirrorSense.Cli;

/// <summary>
/// <c>--openface-a A.csv --openface-b B.csv [--openface-cameras per-person|shared]</c> of <c>analyze</c>: each person's
/// face as OpenFace 2.x FeatureExtraction wrote it, for the face measures instead of the face stage (<c>--face</c>).
/// </summary>
internal sealed class OpenFaceOptions
{
    private readonly Option<string?> _a = new("--openface-a")
    {
        Description = "A's face as OpenFace 2.x FeatureExtraction wrote it (CSV; with --openface-b): smile from AU12 and AU06, head pose, gaze and nods, for smile mimicry, mutual gaze and nod reciprocity. Alone (face measures only) or with --video/--pose/--audio, whose body and voices are then measured as usual and whose faces are not.",
        HelpName = "CSV",
    };

    private readonly Option<string?> _b = new("--openface-b") { Description = "B's face from OpenFace (use with --openface-a).", HelpName = "CSV" };

    private readonly Option<string> _cameras = new("--openface-cameras")
    {
        Description = "Where OpenFace's cameras stood, for looking at the partner: per-person (one camera in front of each person, beside the partner's head: looking at the partner is looking at about the camera) or shared (one camera sees both, A on the left: the partner's place comes from pose_Tx/pose_Ty).",
        DefaultValueFactory = _ => "per-person",
    };

    public OpenFaceOptions() => _cameras.AcceptOnlyFromAmong("per-person", "shared");

    public IEnumerable<Option> All => [_a, _b, _cameras];

    /// <summary>The two files, or null when neither was given.</summary>
    /// <exception cref="UsageException">Only one file, or <c>--face</c> too.</exception>
    /// <exception cref="FileNotFoundException">A file that does not exist.</exception>
    /// <exception cref="SeriesFormatException">A file that is not OpenFace's CSV, or has a malformed row (<c>file:line:column</c>).</exception>
    public OpenFaceInput? Resolve(ParseResult parse, bool faceStage)
    {
        var (a, b) = (parse.GetValue(_a), parse.GetValue(_b));
        if (a is null && b is null)
            return null;
        if (a is null || b is null)
            throw new UsageException("OpenFace input needs both --openface-a and --openface-b (one FeatureExtraction CSV per person).");
        if (faceStage)
            throw new UsageException("--face reads the faces from the video, --openface-a/--openface-b bring them from OpenFace: give one or the other.");
        foreach (var (label, path) in new[] { ("--openface-a", a), ("--openface-b", b) })
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"{label} '{path}': no such file.");
        }

        // Read now, so a malformed file stops the command before any video is analysed.
        return new OpenFaceInput(a, b, parse.GetValue(_cameras) == "shared" ? OpenFaceCameras.Shared : OpenFaceCameras.OnePerPerson, OpenFaceCsvReader.Read(a), OpenFaceCsvReader.Read(b));
    }

    /// <summary>The request with the faces from OpenFace, the files named among its inputs.</summary>
    public static AnalyzeRequest With(AnalyzeRequest request, OpenFaceInput? faces) => faces is null
        ? request
        : request with
        {
            OpenFace = faces,
            InputNames = new Dictionary<string, string>(request.InputNames) { ["openface_a"] = faces.PathA, ["openface_b"] = faces.PathB },
        };
}
