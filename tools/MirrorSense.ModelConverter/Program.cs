using MirrorSense.ModelConverter;

// Usage: MirrorSense.ModelConverter --package DIR_OR_TGZ [--package DIR_OR_TGZ …] --out DIR
// Converts the BlazePose models of @mediapipe/pose and the face mesh of @mediapipe/face_mesh to ONNX and
// prints the sha256 of each source and output. Each package is recognised by its package.json.
var packages = new List<string>();
string? output = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--package" when i + 1 < args.Length:
            packages.Add(args[++i]);
            break;
        case "--out" when i + 1 < args.Length:
            output = args[++i];
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

var specs = SourceModels.All.Select(model => model.Package).Distinct().ToArray();
if (packages.Count == 0 || output is null)
{
    Console.Error.WriteLine("Usage: MirrorSense.ModelConverter --package DIR_OR_TGZ [--package DIR_OR_TGZ …] --out DIR");
    Console.Error.WriteLine($"  DIR_OR_TGZ: an `npm pack` tarball, or its unpacked folder, of {string.Join(" and of ", specs.Select(spec => spec.ToString()))}.");
    return 2;
}

try
{
    var wanted = SourceModels.All.SelectMany(model => model.PackageFiles).Distinct().ToArray();
    var opened = new Dictionary<NpmSpec, NpmPackage>();
    foreach (var path in packages)
    {
        var package = NpmPackage.Open(path, wanted);
        var spec = package.Spec ?? throw new InvalidDataException($"'{path}' has no package.json naming the package.");
        if (!specs.Contains(spec))
        {
            // Another version would give other bytes than MODELS.md records.
            throw new InvalidDataException($"'{path}' is {spec}; the converter is pinned to {string.Join(", ", specs.Select(s => s.ToString()))}.");
        }

        opened[spec] = package;
    }

    var missing = specs.Where(spec => !opened.ContainsKey(spec)).ToArray();
    if (missing.Length > 0)
    {
        throw new InvalidDataException($"No --package given for {string.Join(", ", missing.Select(spec => spec.ToString()))}.");
    }

    Directory.CreateDirectory(output);
    foreach (var model in SourceModels.All)
    {
        var package = opened[model.Package];
        var converted = ModelConversion.Convert(package, model);
        File.WriteAllBytes(Path.Combine(output, model.OnnxFile), converted.Onnx);
        if (model.PackedAsset is not null)
        {
            Console.WriteLine($"{model.PackageFile} sha256 {ModelConversion.Sha256(package.Read(model.PackageFile))}");
        }

        Console.WriteLine($"{model.SourceName} sha256 {converted.SourceSha256}");
        Console.WriteLine($"{model.OnnxFile} sha256 {converted.OnnxSha256} ({converted.Onnx.Length} bytes)");
    }

    return 0;
}
catch (Exception error) when (error is IOException or InvalidDataException or NotSupportedException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"Conversion failed: {error.Message}");
    return 1;
}
