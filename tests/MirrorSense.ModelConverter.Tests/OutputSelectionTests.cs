using MirrorSense.ModelConverter.Conversion;
using MirrorSense.ModelConverter.Tflite;

namespace MirrorSense.ModelConverter.Tests;

/// <summary>A conversion that keeps only some outputs keeps only what they need, and refuses outputs the model lacks.</summary>
[Collection(SourceModelCollection.Name)]
public sealed class OutputSelectionTests(SourceModelFixture models)
{
    [SkippableFact]
    public void Keeping_two_outputs_of_the_landmark_model_leaves_out_the_layers_only_the_others_need()
    {
        // Given the lite landmark model
        var tflite = TfliteModelReader.Read(ModelConversion.Tflite(SourceModelFixture.Package(PoseModels.LandmarkLite), PoseModels.LandmarkLite));

        // When it is converted whole and with its landmarks and pose score only
        var whole = new TfliteToOnnxConverter().Convert(tflite, "whole");
        var kept = new TfliteToOnnxConverter().Convert(tflite, "kept", keepOutputs: PoseModels.LandmarkOutputs);

        // Then the smaller graph has just those outputs, fewer nodes and constants, and every node input is produced
        Assert.Equal(5, whole.Graph.Outputs.Count);
        Assert.Equal(PoseModels.LandmarkOutputs, kept.Graph.Outputs.Select(o => o.Name));
        Assert.True(kept.Graph.Nodes.Count < whole.Graph.Nodes.Count, $"{kept.Graph.Nodes.Count} nodes kept of {whole.Graph.Nodes.Count}");
        Assert.True(kept.Graph.Initializers.Count < whole.Graph.Initializers.Count);
        var available = new HashSet<string>(kept.Graph.Inputs.Select(i => i.Name).Concat(kept.Graph.Initializers.Select(t => t.Name)));
        foreach (var node in kept.Graph.Nodes)
        {
            Assert.All(node.Inputs.Where(i => i.Length > 0), input => Assert.Contains(input, available));
            available.UnionWith(node.Outputs);
        }

        Assert.Same(PoseModels.LandmarkOutputs, models.Converted(PoseModels.LandmarkLite).Model.Outputs);
    }

    [SkippableFact]
    public void Asking_for_an_output_the_model_does_not_have_names_the_outputs_it_has()
    {
        var tflite = TfliteModelReader.Read(ModelConversion.Tflite(SourceModelFixture.Package(PoseModels.LandmarkLite), PoseModels.LandmarkLite));

        var error = Assert.Throws<ArgumentException>(() => new TfliteToOnnxConverter().Convert(tflite, "kept", keepOutputs: ["Identity_9"]));

        Assert.Contains("no output Identity_9", error.Message);
        Assert.Contains("Identity, Identity_1, Identity_2, Identity_3, Identity_4", error.Message);
    }
}
