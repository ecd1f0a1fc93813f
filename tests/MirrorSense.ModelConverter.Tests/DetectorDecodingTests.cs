namespace MirrorSense.ModelConverter.Tests;

/// <summary>
/// An end-to-end check of the converted detector's meaning, not just its numbers: on a real photo of
/// people it reports a confident person whose decoded box is a sensible part of the image. Decoding
/// follows MediaPipe's pose detection graph: SSD anchors for strides 8, 16, 32 (2, 2 and 6 anchors
/// per cell on a 224 input = 2254), offsets in input pixels relative to the anchor centre.
/// </summary>
[Collection(SourceModelCollection.Name)]
public sealed class DetectorDecodingTests(SourceModelFixture models)
{
    [SkippableFact]
    public void Should_find_a_person_in_a_real_photo()
    {
        // Given the top-left quarter of the photo sheet, which shows people, as a 224×224 input in [-1,1]
        var input = ModelInputs.Photo(SourceModelFixture.PhotoPath(), 224, -1f, 1f, quadrant: 0);

        // When the converted detector runs
        using var onnx = new OnnxRunner(models.Converted(PoseModels.Detector).Onnx);
        var outputs = onnx.Run(input);
        var (boxes, scores) = (outputs["Identity"], outputs["Identity_1"]);
        var anchors = Anchors();
        Assert.Equal(scores.Length, anchors.Count);
        var best = Enumerable.Range(0, scores.Length).MaxBy(i => scores[i]);

        // Then the best anchor is confident and its box is centred in the image with a plausible size
        var score = 1f / (1f + MathF.Exp(-scores[best]));
        var centreX = boxes[12 * best] / 224f + anchors[best].X;
        var centreY = boxes[12 * best + 1] / 224f + anchors[best].Y;
        var (width, height) = (boxes[12 * best + 2] / 224f, boxes[12 * best + 3] / 224f);
        Assert.True(score > 0.8f, $"best score {score}");
        Assert.InRange(centreX, 0f, 1f);
        Assert.InRange(centreY, 0f, 1f);
        Assert.InRange(width, 0.05f, 1.5f);
        Assert.InRange(height, 0.05f, 1.5f);
    }

    private static List<(float X, float Y)> Anchors()
    {
        var anchors = new List<(float X, float Y)>();
        foreach (var (stride, perCell) in new[] { (8, 2), (16, 2), (32, 6) })
        {
            var cells = 224 / stride;
            for (var y = 0; y < cells; y++)
            {
                for (var x = 0; x < cells; x++)
                {
                    for (var k = 0; k < perCell; k++)
                    {
                        anchors.Add(((x + 0.5f) / cells, (y + 0.5f) / cells));
                    }
                }
            }
        }

        return anchors;
    }
}
