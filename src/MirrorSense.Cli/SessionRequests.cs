using MirrorSense.Capture;
using MirrorSense.Capture.Video;
using MirrorSense.Core;
using MirrorSense.Sessions.Batch;
using MirrorSense.Sessions.Readers;
using MirrorSense.Sessions.Recording;
using MirrorSense.Synchrony.Coordination;
using MirrorSense.Synchrony.Features;
using MirrorSense.Vision;

namespace MirrorSense.Cli;

/// <summary>How inputs are named in messages: <c>--video-a</c> on the command line, <c>video_a</c> in a manifest.</summary>
internal sealed class InputLabels(Func<string, string> label)
{
    /// <summary><c>mirrorsense analyze</c>'s options.</summary>
    public static InputLabels Options { get; } = new(key => "--" + key.Replace('_', '-'));

    /// <summary>A batch manifest's columns.</summary>
    public static InputLabels Columns { get; } = new(key => key);

    public string this[string key] => label(key);
}

/// <summary>Turns a session's inputs into an <see cref="AnalyzeRequest"/>, checking their combination and that each can be opened, before any work starts.</summary>
internal static class SessionRequests
{
    /// <exception cref="UsageException">Inputs that do not go together, or nothing to analyse.</exception>
    /// <exception cref="FileNotFoundException">A missing input.</exception>
    /// <exception cref="AudioSourceException">A recording that cannot be read as the voices.</exception>
    /// <exception cref="VideoSourceException">A file that cannot be read as a video.</exception>
    /// <exception cref="SeriesFormatException">OpenPose keypoint files (<paramref name="openPose"/>) that cannot be read.</exception>
    /// <param name="hasFaces">Faces come from elsewhere (OpenFace), so a session without video or voices still has something to analyse.</param>
    public static AnalyzeRequest Resolve(SessionInputs raw, InputLabels name, string output, CoordinationSettings settings, PoseOptions pose, OpenPoseInput? openPose = null, bool hasFaces = false)
    {
        (pose, settings) = Seated(raw, pose, settings);
        if (openPose is not null && (raw.Video is not null || raw.VideoA is not null || raw.Pose is not null))
            throw new UsageException($"give either --openpose (OpenPose's keypoints) or a video or {name["pose"]}, not both.");
        if (raw.Video is not null && (raw.VideoA is not null || raw.VideoB is not null))
            throw new UsageException($"give either {name["video"]} (both people in one video) or {name["video_a"]} and {name["video_b"]}, not both.");
        if (raw.Pose is not null && (raw.Video is not null || raw.VideoA is not null))
            throw new UsageException($"give either a video or {name["pose"]} (landmarks already extracted), not both.");
        if ((raw.VideoA is null) != (raw.VideoB is null))
            throw new UsageException($"two-camera mode needs both {name["video_a"]} and {name["video_b"]}.");
        if (raw.Audio is not null && (raw.AudioA is not null || raw.AudioB is not null))
            throw new UsageException($"give either {name["audio"]} (one stereo file) or {name["audio_a"]} and {name["audio_b"]}, not both.");
        if ((raw.AudioA is null) != (raw.AudioB is null))
            throw new UsageException($"separate voice recordings need both {name["audio_a"]} and {name["audio_b"]}.");
        if (!(raw.Start >= 0))
            throw new UsageException($"{name["start"]} must be 0 or more seconds.");
        if (raw.End is { } last && !(last > raw.Start))
            throw new UsageException($"{name["end"]} ({last}) must be after {name["start"]} ({raw.Start}).");
        if (!double.IsFinite(raw.AvOffset))
            throw new UsageException($"{name["av_offset"]} must be a number of seconds.");

        var names = new Dictionary<string, string>();
        var warnings = new List<string>();
        VideoInput? videoInput = null;
        if (raw.Video is { } shared)
        {
            CheckVideo(shared, name["video"]);
            names["video"] = shared;
            videoInput = new VideoInput.Shared(shared);
        }
        else if (raw.VideoA is { } a && raw.VideoB is { } b)
        {
            CheckVideo(a, name["video_a"]);
            CheckVideo(b, name["video_b"]);
            names["video_a"] = a;
            names["video_b"] = b;
            videoInput = new VideoInput.PerParticipant(a, b);
        }
        else if (raw.Pose is { } table)
        {
            if (!File.Exists(table))
                throw new FileNotFoundException($"{name["pose"]} '{table}': no such file.");
            names["pose"] = table;
            videoInput = new VideoInput.PoseTable(table);
        }
        else if (openPose is not null)
        {
            (videoInput, var read) = openPose.Open(pose);
            names["openpose"] = openPose.Folder;
            warnings.AddRange(read);
        }

        var voice = Voice(raw, name, videoInput, names);
        if (videoInput is null && voice is VoiceInput.None && !hasFaces)
            throw new UsageException($"nothing to analyse: give {name["video"]}, {name["video_a"]}/{name["video_b"]} or {name["pose"]}, and/or {name["audio"]} or {name["audio_a"]}/{name["audio_b"]}.");
        return new AnalyzeRequest(videoInput, voice, output, raw.Start, raw.End, raw.AvOffset, pose, settings, names) { InputWarnings = warnings };
    }

    /// <summary>
    /// A folder recorded live (<c>--session DIR</c>): landmarks from its pose.csv, pixel motion and face features from
    /// its features.csv when the live run measured them, voices from its WAVs when raw media was recorded, else from its prosody.csv frames. The analysis starts at the recording's grid origin (or later
    /// with --start), and what the folder's state is worth knowing (cut short, a torn row skipped) comes as warnings.
    /// </summary>
    /// <exception cref="UsageException">Other inputs given too: a recorded session brings its own.</exception>
    /// <exception cref="SessionFolderException">Not a readable recorded session.</exception>
    public static AnalyzeRequest FromRecording(string folder, SessionInputs raw, string output, CoordinationSettings settings, PoseOptions pose)
    {
        (pose, settings) = Seated(raw, pose, settings);
        if (raw.Video is not null || raw.VideoA is not null || raw.VideoB is not null || raw.Pose is not null || raw.Audio is not null || raw.AudioA is not null || raw.AudioB is not null)
            throw new UsageException("--session DIR brings its own landmarks and voices: give no --video, --pose or --audio options with it.");
        if (raw.AvOffset != 0)
            throw new UsageException("--session DIR: its audio and pictures share one media clock, so --av-offset does not apply.");
        // The analysis writes features.csv and prosody.csv of its own: into the session folder they would replace the recording's.
        if (string.Equals(Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            throw new UsageException($"--out '{output}' is the recorded session itself: the analysis would overwrite the recording's own tables. Leave --out out (it writes to {Path.Combine(folder, "analysis")}) or name another folder.");
        var session = SessionFolder.Open(folder);
        var start = Math.Max(raw.Start, session.Manifest.GridOrigin.Seconds);
        if (raw.End is { } last && !(last > start))
            throw new UsageException($"--end ({last}) must be after the start ({start}).");

        var names = new Dictionary<string, string> { ["session"] = folder };
        var warnings = new List<string>(session.Warnings);
        var table = session.Table(SessionRecorder.PoseFileName);
        VideoInput? body = table is null ? null : new VideoInput.PoseTable(table.Path, table.CompleteLength, RecordedPictures(session, settings.GestureFeature, names, warnings),
            session.Manifest.OneCameraPerPerson);
        var (voice, audioOffset) = RecordedVoice(session, raw.NoAudio, names, warnings);
        if (body is null && voice is VoiceInput.None)
            throw new SessionFolderException($"'{folder}' has neither landmarks (pose.csv) nor voices to analyse.");
        return new AnalyzeRequest(body, voice, output, start, raw.End, audioOffset, pose, settings, names) { InputWarnings = warnings };
    }

    /// <summary>
    /// Who sits where: with <see cref="SessionInputs.Swap"/> the pose stage names the person on the viewer's right A, and
    /// the sideways leans towards the partner turn the other way. Two cameras have no common picture, so no sides.
    /// </summary>
    private static (PoseOptions Pose, CoordinationSettings Settings) Seated(SessionInputs raw, PoseOptions pose, CoordinationSettings settings) =>
        !raw.Swap ? (pose, settings)
        : raw.VideoA is not null || raw.VideoB is not null ? (pose with { Swap = true }, settings)
        : (pose with { Swap = true }, settings with { Proximity = settings.Proximity with { ASitsLeft = false } });

    /// <summary>The recorded pixel motion and face features, when the live run measured them: re-analysis has no pictures to measure them on.</summary>
    private static RecordedPictureFeatures? RecordedPictures(SessionFolder session, string gestureFeature, Dictionary<string, string> names, List<string> warnings)
    {
        RecordedPictureFeatures? pictures;
        try
        {
            pictures = RecordedPictureFeatures.Read(session);
        }
        catch (SeriesFormatException error)
        {
            warnings.Add($"the recorded pixel motion and face features cannot be read ({error.Message}); they are left out of the features.");
            return null;
        }

        if (pictures is null)
            return null;
        if (pictures.Features.PixelMotion)
        {
            names[BodyFeatures.PixelMotion] = pictures.Path;
            if (gestureFeature == BodyFeatures.PixelMotion)
                warnings.Add($"gesture synchrony: from the pixel motion recorded live ({pictures.Path}), as measured then on the camera's frames.");
        }

        if (pictures.Features.Faces)
        {
            names["faces"] = pictures.Path;
            warnings.Add($"faces: the face features recorded live ({pictures.Path}), read then on up to fifteen frames a second.");
        }

        return pictures;
    }

    private static (VoiceInput Voice, double AudioOffset) RecordedVoice(SessionFolder session, bool noAudio, Dictionary<string, string> names, List<string> warnings)
    {
        if (noAudio)
            return (new VoiceInput.None("--no-audio: tone and tempo were not analysed."), 0);
        if (session.RawMedia(RawMediaKind.Audio, Participant.A) is { } a && session.RawMedia(RawMediaKind.Audio, Participant.B) is { } b)
        {
            var (pathA, pathB) = (session.PathOf(a), session.PathOf(b));
            Channels(pathA);
            Channels(pathB);
            names["audio_a"] = pathA;
            names["audio_b"] = pathB;
            if (Math.Abs(a.StartSeconds - b.StartSeconds) > 0.001)
                warnings.Add($"the microphones started {a.StartSeconds - b.StartSeconds:0.###} s apart; both are placed by A's start ({a.StartSeconds:0.###} s).");
            // The WAV's sample 0 sits at the microphone's start on the session clock: its frames belong start seconds later.
            return (new VoiceInput.Files(DyadAudio.FromFiles(pathA, pathB), pathA, pathB), -a.StartSeconds);
        }

        if (session.Table(SessionRecorder.ProsodyFileName) is { } prosody)
            return (new VoiceInput.RecordedFrames(prosody.Path, prosody.CompleteLength), 0);
        return (new VoiceInput.None("the recording has no voices (no prosody.csv rows and no WAVs): tone and tempo were not analysed."), 0);
    }

    private static VoiceInput Voice(SessionInputs raw, InputLabels name, VideoInput? video, Dictionary<string, string> names)
    {
        if (raw.NoAudio)
            return new VoiceInput.None($"{name["no_audio"]}: tone and tempo were not analysed.");
        var voicesInstead = $"Give {name["audio"]}/{name["audio_a"]}/{name["audio_b"]}, or {name["no_audio"]} for body measures only.";
        if (raw.Audio is { } stereo)
        {
            RequireStereo(stereo, name);
            names["audio"] = stereo;
            return new VoiceInput.Files(DyadAudio.FromStereoFile(stereo), $"{stereo} (left)", $"{stereo} (right)");
        }

        if (raw.AudioA is { } a && raw.AudioB is { } b)
        {
            Channels(a);
            Channels(b);
            names["audio_a"] = a;
            names["audio_b"] = b;
            return new VoiceInput.Files(DyadAudio.FromFiles(a, b), a, b);
        }

        switch (video)
        {
            case VideoInput.Shared shared:
                // One camera's sound track: a stereo track can hold one voice per channel (a lapel microphone each).
                if (TrackChannels(shared.Path, voicesInstead) < 2)
                    return new VoiceInput.None($"{shared.Path}: its audio track is mono, one mix of both voices; tone and tempo need each voice apart: give {name["audio"]} STEREO or {name["audio_a"]}/{name["audio_b"]}.");
                return new VoiceInput.Files(DyadAudio.FromStereoFile(shared.Path), $"{shared.Path} (left)", $"{shared.Path} (right)");
            case VideoInput.PerParticipant both:
                TrackChannels(both.PathA, voicesInstead);
                TrackChannels(both.PathB, voicesInstead);
                return new VoiceInput.Files(DyadAudio.FromFiles(both.PathA, both.PathB), both.PathA, both.PathB);
            case VideoInput.PoseTable:
                return new VoiceInput.None($"landmarks only ({(names.ContainsKey("openpose") ? "--openpose" : name["pose"])}) and no {name["audio"]}/{name["audio_a"]}/{name["audio_b"]}: tone and tempo were not analysed.");
            default:
                return new VoiceInput.None("no audio given.");
        }
    }

    private static void RequireStereo(string path, InputLabels name)
    {
        var channels = Channels(path);
        if (channels < 2)
            throw new AudioSourceException(path, $"has {channels} channel; {name["audio"]} needs a stereo recording (left = A, right = B), or give {name["audio_a"]} and {name["audio_b"]}.");
    }

    private static int Channels(string path)
    {
        using var source = AudioFile.Open(path);
        return source.Format.Channels;
    }

    /// <summary>Channels of a video's sound track, which is only tried because no recording was given.</summary>
    private static int TrackChannels(string path, string voicesInstead)
    {
        try
        {
            using var source = AudioFile.Open(path);
            return source.Format.Channels;
        }
        catch (AudioSourceException error)
        {
            throw new AudioSourceException(path, $"its audio track cannot be read as the voices ({error.Problem}) {voicesInstead}", error);
        }
    }

    private static void CheckVideo(string path, string label)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{label} '{path}': no such file.");
        using var probe = new VideoFileSource(path);
    }
}
