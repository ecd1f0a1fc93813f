using MirrorSense.ModelConverter;

// Usage: MirrorSense.ModelConverter --package DIR_OR_TGZ --out DIR
// Converts the BlazePose models of @mediapipe/pose to ONNX and prints the sha256 of each input and output.
string? package = null;
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--package" when i + 1 < args.Length:
            package = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

if (package is null || output is null)
{
    Console.Error.WriteLine("Usage: MirrorSense.ModelConverter --package DIR_OR_TGZ --out DIR");
    Console.Error.WriteLine($"  DIR_OR_TGZ: `npm pack {PoseModels.Package}@{PoseModels.Version}` tarball or its unpacked folder.");
    return 2;
}

try
{
    var files = NpmPackage.Open(package, PoseModels.All.Select(model => model.PackageFile).ToArray());
    Directory.CreateDirectory(output);
    foreach (var model in PoseModels.All)
    {
        var converted = ModelConversion.Convert(files, model);
        File.WriteAllBytes(Path.Combine(output, model.OnnxFile), converted.Onnx);
        Console.WriteLine($"{model.PackageFile} sha256 {converted.SourceSha256}");
        Console.WriteLine($"{model.OnnxFile} sha256 {converted.OnnxSha256} ({converted.Onnx.Length} bytes)");
    }

    return 0;
}
catch (Exception error) when (error is IOException or InvalidDataException or NotSupportedException)
{
    Console.Error.WriteLine($"Conversion failed: {error.Message}");
    return 1;
}
